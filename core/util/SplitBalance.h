#pragma once
#include "core/util/SecondCore.h"

#include <chrono>
#include <cstddef>

namespace folkrnn {

// Where to cut a range of items between the two parts of SecondCore::split so that both take
// the same time. The two cores of this project's machine are not equally fast from moment to
// moment (each shares its physical core with another tenant's thread: the same loop runs 2x
// faster or slower within the hour), so with a fixed half one core waited for the other: 14% of a
// clamp re-run's samples. The cut follows the two parts' measured speeds: layer-1 and layer-2
// clamp re-runs took 3-22% less time, single-stream steps 3-7% (alternating with the fixed half in
// one process). A row's sum does not depend on who computes it, so neither do the results.
class SplitBalance {
public:
    // Runs range(begin, end) over [0, n) in two parts, part 0 here and part 1 on the second core,
    // cut at a multiple of `grain` (or at n), then moves the cut toward equal times.
    template <class Range> void split(std::ptrdiff_t n, std::ptrdiff_t grain, Range &&range)
    {
        const std::ptrdiff_t c = cut(n, grain);
        double seconds[2] = {0, 0};
        SecondCore::instance().split([&](int part) noexcept {
            const auto start = std::chrono::steady_clock::now();
            if (part == 0)
                range(std::ptrdiff_t(0), c);
            else
                range(c, n);
            seconds[part] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        });
        update(c, n, seconds[0], seconds[1]);
    }

    // The cut for n items: part 0's share of them, rounded to a multiple of `grain`.
    std::ptrdiff_t cut(std::ptrdiff_t n, std::ptrdiff_t grain) const;
    // Part 0 took seconds0 for [0, cut), part 1 seconds1 for [cut, n).
    void update(std::ptrdiff_t cut, std::ptrdiff_t n, double seconds0, double seconds1);
    double share() const { return share_; }

private:
    double share_ = 0.5;
};

} // namespace folkrnn

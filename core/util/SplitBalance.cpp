#include "core/util/SplitBalance.h"

#include <algorithm>
#include <cmath>

namespace folkrnn {

namespace {
// How far one measurement moves the share toward the balanced one: a few splits (a few hundred
// microseconds) follow a change of speed, one odd measurement moves it a quarter of the way.
constexpr double kRate = 0.25;
// Neither part gets less than a quarter: a descheduled helper must not starve its part for good.
constexpr double kMinShare = 0.25;
} // namespace

std::ptrdiff_t SplitBalance::cut(std::ptrdiff_t n, std::ptrdiff_t grain) const
{
    if (n <= 0)
        return 0;
    grain = std::max<std::ptrdiff_t>(grain, 1);
    const auto c = static_cast<std::ptrdiff_t>(std::llround(share_ * double(n) / double(grain))) * grain;
    return std::clamp<std::ptrdiff_t>(c, 0, n);
}

void SplitBalance::update(std::ptrdiff_t cut, std::ptrdiff_t n, double seconds0, double seconds1)
{
    if (cut <= 0 || cut >= n || !(seconds0 > 0) || !(seconds1 > 0))
        return;
    // Items per second of each part; the share at which both would have taken the same time.
    const double v0 = double(cut) / seconds0, v1 = double(n - cut) / seconds1;
    const double balanced = v0 / (v0 + v1);
    share_ = std::clamp(share_ + kRate * (balanced - share_), kMinShare, 1.0 - kMinShare);
}

} // namespace folkrnn

#include "core/util/SecondCore.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define FOLKRNN_CPU_RELAX() _mm_pause()
#else
#define FOLKRNN_CPU_RELAX() std::this_thread::yield()
#endif

namespace folkrnn {

namespace {
// ~50-100 µs of spinning: long enough to bridge the gaps between a run's steps, short enough that
// an idle helper parks at once on a human time scale.
constexpr int kSpinsBeforeParking = 20000;
// The caller's wait for a half the helper is computing: past this it yields, so a helper
// descheduled mid-job (a loaded machine) does not cost the caller its own time slice.
constexpr int kSpinsBeforeYield = 20000;
} // namespace

SecondCore &SecondCore::instance()
{
    static SecondCore core;
    return core;
}

SecondCore::SecondCore()
{
    if (std::thread::hardware_concurrency() > 1)
        thread_ = std::thread([this] { loop(); });
}

SecondCore::~SecondCore()
{
    if (!thread_.joinable())
        return;
    stop_.store(true, std::memory_order_release);
    posted_.fetch_add(1, std::memory_order_acq_rel);
    posted_.notify_one();
    thread_.join();
}

std::uint32_t SecondCore::post()
{
    const std::uint32_t job = posted_.load(std::memory_order_relaxed) + 1;
    posted_.store(job, std::memory_order_release); // publishes job_ and context_
    posted_.notify_one();
    return job;
}

bool SecondCore::claim(std::uint32_t job)
{
    std::uint32_t previous = job - 1;
    return claimed_.compare_exchange_strong(previous, job, std::memory_order_acq_rel);
}

void SecondCore::waitDone(std::uint32_t job)
{
    for (int spins = 0; done_.load(std::memory_order_acquire) != job; ++spins) {
        if (spins < kSpinsBeforeYield)
            FOLKRNN_CPU_RELAX();
        else
            std::this_thread::yield();
    }
}

void SecondCore::loop()
{
    std::uint32_t seen = 0;
    for (;;) {
        std::uint32_t now = posted_.load(std::memory_order_acquire);
        for (int spins = 0; now == seen && spins < kSpinsBeforeParking; ++spins) {
            FOLKRNN_CPU_RELAX();
            now = posted_.load(std::memory_order_acquire);
        }
        while (now == seen) {
            posted_.wait(seen, std::memory_order_acquire);
            now = posted_.load(std::memory_order_acquire);
        }
        seen = now;
        if (stop_.load(std::memory_order_acquire))
            return;
        if (claim(now)) {
            job_(context_);
            done_.store(now, std::memory_order_release);
        }
    }
}

} // namespace folkrnn

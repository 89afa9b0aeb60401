#pragma once
#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>
#include <type_traits>

namespace folkrnn {

// One persistent helper thread that takes half of a data-parallel job, so a single generation
// stream can use the machine's second core. A step of the 3x512 model streams ~21 MB of weights,
// more than one core's share of the L3 delivers quickly (bench_generate prints what two cores
// reading them take), so splitting the units of each layer between two cores is the cheapest
// speed-up that keeps every row's sum (and so parity) unchanged.
//
// Four hand-offs per model step are ~1 µs each, far below the ~1 ms of work they split, which is
// why this is a spinning hand-off rather than a task queue. The helper spins briefly after a job
// (the next arrives within microseconds while a run is generated) and then parks on an atomic wait,
// so an idle inspector costs no CPU.
//
// Shared by the whole process. When another thread holds it (two runs computed at once) the caller
// does the whole job itself: both cores are busy anyway.
class SecondCore {
public:
    static SecondCore &instance();

    // Runs part(1) on the helper and part(0) on the calling thread; returns when both are done.
    // Without a second core (or while the helper is busy) runs part(0) and part(1) here, in order.
    // `part` must not throw: the helper may still be reading its captures.
    template <class Part> void split(Part &&part)
    {
        std::unique_lock lock(busy_, std::try_to_lock);
        if (!lock.owns_lock() || !thread_.joinable()) {
            part(0);
            part(1);
            return;
        }
        job_ = [](void *ctx) { (*static_cast<std::remove_reference_t<Part> *>(ctx))(1); };
        context_ = &part;
        const std::uint32_t job = post();
        part(0);
        // A helper that has not picked the job up yet (descheduled on a loaded machine) loses it
        // to the caller instead of being waited for.
        if (claim(job))
            part(1);
        else
            waitDone(job);
    }

    ~SecondCore();
    SecondCore(const SecondCore &) = delete;
    SecondCore &operator=(const SecondCore &) = delete;

private:
    SecondCore();
    std::uint32_t post();
    bool claim(std::uint32_t job);
    void waitDone(std::uint32_t job);
    void loop();

    std::mutex busy_;
    void (*job_)(void *) = nullptr;
    void *context_ = nullptr;
    // Jobs are numbered 1, 2, ...: posted_ is the newest job (the helper waits on it), claimed_ the
    // newest job somebody took part(1) of (whoever moves it from job - 1 to job runs it), done_ the
    // newest job whose part(1) the helper finished.
    std::atomic<std::uint32_t> posted_{0};
    std::atomic<std::uint32_t> claimed_{0};
    std::atomic<std::uint32_t> done_{0};
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

} // namespace folkrnn

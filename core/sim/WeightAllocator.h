#pragma once
#include <cstddef>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace folkrnn {

// Storage for the large arrays the kernels stream: the weights (RowGroups, PackedMatrix) and the
// per-step arrays of a layer-by-layer re-run (Simulator::stepForcedLayerwise).
// Small blocks are cache-line aligned, so no vector load straddles two lines. Blocks of 2 MiB or
// more start on a 2 MiB boundary and ask the kernel for transparent huge pages: a step of the
// 3x512 model reads 20 MB of weights, 5,000 4 KiB pages against the core's 2,048 second-level TLB
// entries, so every step walked the page tables again. Reading 12-20 MB went 9-35% faster on huge
// pages (this VM, both cores, alternating in one process); single-stream steps 3-13%.
template <typename T>
struct WeightAllocator {
    using value_type = T;
    static constexpr std::size_t kLine = 64;
    static constexpr std::size_t kHugePage = std::size_t(2) << 20;

    WeightAllocator() = default;
    template <typename U>
    WeightAllocator(const WeightAllocator<U> &) {}

    T *allocate(std::size_t n)
    {
        if (n > std::size_t(-1) / sizeof(T))
            throw std::bad_alloc();
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePage)
            return static_cast<T *>(::operator new(bytes, std::align_val_t{kLine}));
        // aligned_alloc wants a multiple of the alignment; the padding is at most one page.
        const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        const bool huge = !std::getenv("FOLKRNN_NO_HUGE"); void *p = std::aligned_alloc(huge ? kHugePage : kLine, rounded);
        if (!p)
            throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        // Advice only: where huge pages are off or none is free, 4 KiB pages back the block as before.
        if (huge) madvise(p, rounded, MADV_HUGEPAGE);
#endif
        return static_cast<T *>(p);
    }
    void deallocate(T *p, std::size_t n)
    {
        if (n * sizeof(T) < kHugePage)
            ::operator delete(p, std::align_val_t{kLine});
        else
            std::free(p);
    }
    template <typename U>
    bool operator==(const WeightAllocator<U> &) const { return true; }
};

} // namespace folkrnn

#pragma once
#include <cstddef>
#include <new>

namespace folkrnn {

// Cache-line aligned storage for the weights the kernels stream (PackedMatrix, RowGroups): no
// vector load straddles two lines.
template <typename T>
struct CacheLineAllocator {
    using value_type = T;
    static constexpr std::align_val_t kAlign{64};
    CacheLineAllocator() = default;
    template <typename U>
    CacheLineAllocator(const CacheLineAllocator<U> &) {}
    T *allocate(std::size_t n) { return static_cast<T *>(::operator new(n * sizeof(T), kAlign)); }
    void deallocate(T *p, std::size_t) { ::operator delete(p, kAlign); }
    template <typename U>
    bool operator==(const CacheLineAllocator<U> &) const { return true; }
};

} // namespace folkrnn

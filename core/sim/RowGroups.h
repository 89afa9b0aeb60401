#pragma once
#include "core/sim/WeightAllocator.h"
#include "core/sim/Run.h"

#include <Eigen/Core>
#include <vector>

namespace folkrnn {

// A float32 matrix in the order the single-stream kernel reads it. The kernel sums four rows at
// once, eight columns at a time; stored row by row, that is four streams 4 KB apart, and the
// hardware prefetcher follows one sequential stream better: re-runs and single steps took 3-10%
// less time this way, the same binary alternating both layouts.
// Group g holds rows 4g..4g+3 (zero rows pad the last group): for each block of 8 columns, the
// four rows' 8 values one after the other; then the columns past the last multiple of 8, row by
// row. A group is 4·cols() floats.
class RowGroups {
public:
    static constexpr Eigen::Index kRows = 4;
    static constexpr Eigen::Index kCols = 8;

    RowGroups() = default;
    explicit RowGroups(const Eigen::Ref<const RowMatrixXf> &m);

    Eigen::Index rows() const { return rows_; }
    Eigen::Index cols() const { return cols_; }
    // The group holding row `row` (a multiple of kRows).
    const float *group(Eigen::Index row) const { return data_.data() + row * cols_; }
    // Element (r, c), for checks: the kernel reads groups.
    float operator()(Eigen::Index r, Eigen::Index c) const;

private:
    Eigen::Index rows_ = 0, cols_ = 0;
    std::vector<float, WeightAllocator<float>> data_;
};

} // namespace folkrnn

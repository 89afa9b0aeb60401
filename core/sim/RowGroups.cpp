#include "core/sim/RowGroups.h"

namespace folkrnn {

namespace {
// Offset of element (i, c) inside its group, i the row within the group.
Eigen::Index inGroup(Eigen::Index i, Eigen::Index c, Eigen::Index cols)
{
    const Eigen::Index blocked = cols - cols % RowGroups::kCols;
    if (c < blocked)
        return (c / RowGroups::kCols) * RowGroups::kRows * RowGroups::kCols + i * RowGroups::kCols + c % RowGroups::kCols;
    return RowGroups::kRows * blocked + i * (cols - blocked) + (c - blocked);
}
} // namespace

RowGroups::RowGroups(const Eigen::Ref<const RowMatrixXf> &m) : rows_(m.rows()), cols_(m.cols())
{
    const Eigen::Index groups = (rows_ + kRows - 1) / kRows;
    data_.assign(static_cast<std::size_t>(groups * kRows * cols_), 0.0f);
    for (Eigen::Index r = 0; r < rows_; ++r)
        for (Eigen::Index c = 0; c < cols_; ++c)
            data_[static_cast<std::size_t>((r / kRows) * kRows * cols_ + inGroup(r % kRows, c, cols_))] = m(r, c);
}

float RowGroups::operator()(Eigen::Index r, Eigen::Index c) const
{
    return data_[static_cast<std::size_t>((r / kRows) * kRows * cols_ + inGroup(r % kRows, c, cols_))];
}

} // namespace folkrnn

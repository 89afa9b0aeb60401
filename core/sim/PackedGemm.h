#pragma once
#include "core/sim/WeightAllocator.h"

#include <Eigen/Core>

#include <cstddef>
#include <initializer_list>
#include <vector>

namespace folkrnn {

// A constant right-hand side B [K × N] of C += A·B, copied once into the order the GEMM kernel
// reads it: panels of kPanelCols columns, each panel's K rows one after the other (the last panel
// padded with zero columns). A BLAS packs B like this inside every call; the weights of a batch
// step never change, so packing them once at load saves that copy on every layer of every step
// (a fifth of the batched time with OpenBLAS).
class PackedMatrix {
public:
    static constexpr Eigen::Index kPanelCols = 8;

    PackedMatrix() = default;
    explicit PackedMatrix(const Eigen::Ref<const Eigen::MatrixXf> &B);

    Eigen::Index rows() const { return rows_; }
    Eigen::Index cols() const { return cols_; }
    // Row k of panel p: kPanelCols values.
    const float *panel(Eigen::Index p) const { return data_.data() + p * rows_ * kPanelCols; }
    Eigen::Index panels() const { return (cols_ + kPanelCols - 1) / kPanelCols; }

private:
    Eigen::Index rows_ = 0, cols_ = 0;
    std::vector<float, WeightAllocator<float>> data_;
};

// A block of columns of the left-hand side A, row-major: row r is data[r·stride .. r·stride + cols).
// A is given as blocks side by side, so [x | h_{t-1}] needs no copy into one matrix first.
struct RowBlock {
    const double *data = nullptr;
    Eigen::Index stride = 0;
    Eigen::Index cols = 0;
};

// Scratch the GEMM packs A into; kept by the caller so a step allocates nothing.
struct GemmScratch {
    std::vector<double> packedA;
};

// C[rows × N] += A[rows × K] · B, C row-major with row stride ldc.
// Every element is summed in the same order, c ← c + a_k·b_k for k = 0 .. K-1 (fused multiply-add
// on x86-64), whatever the number of rows and wherever the row sits: a tune's numbers do not depend
// on which other tunes share its batch.
void gemmPacked(std::initializer_list<RowBlock> a, Eigen::Index rows, const PackedMatrix &b, double *c,
                Eigen::Index ldc, GemmScratch &scratch);

} // namespace folkrnn

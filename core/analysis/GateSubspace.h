#pragma once
#include "core/analysis/Arrays.h"
#include "core/model/Model.h"

// Part 4 of the posts: "perform a singular value decomposition of W_hi, then form approximations
// of the matrix by summing outer products of its left and right singular vectors, and find the
// norms of the resulting transformations of the columns of W_xi ... ||u_1 v_1^T w_k|| / ||w_k||,
// then ||(u_1 + u_2)(v_1 + v_2)^T w_k|| / ||w_k||, and so on", read with the figures' wording
// ("the resulting subspace contains most of the directions of the columns"): for r = 1..H, the
// fraction of w_k inside the span of the r leading left singular vectors of W_h*,
//   captured(k, r) = ||U_r U_r^T w_k|| / ||w_k||,   U_r = [u_1 ... u_r].
// The literal (u_1 + u_2)(v_1 + v_2)^T is not a projection (it is rank one and mixes the input
// and output spaces of W_h*); U_r U_r^T is the orthogonal projection onto the rank-r subspace the
// post describes. u_j live in the output space of W_h* (the posts' orientation, W_h h_{t-1}),
// the space the columns w_k of W_x* are added in. With our row vectors (h·Wh), the posts' W_h* is
// Wh^T and w_k is Wx.row(k).
namespace folkrnn::analysis {

struct GateSubspace {
    Eigen::VectorXd singularValues;         // [H] of W_h*, descending
    Eigen::VectorXd cumulativeSingularValue; // [H] sum_{j<=r} s_j / sum_j s_j: the posts' x-axis
    RowMatrixXd captured;                   // [n_in, H]: column r-1 is captured(k, r); 0 for w_k = 0
};

// out(k, r-1) = sqrt(sum_{j<=r} <u_j, w_k>^2) / ||w_k|| for orthonormal columns u_j of `basis`
// ([H, H]) and items w_k = items.row(k) ([n_in, H]); out is [n_in, H].
void subspaceCapture(const Eigen::Ref<const Eigen::MatrixXd> &basis, const WeightsRef &items,
                     Eigen::Ref<RowMatrixXd> out);

// The SVD runs in float (BDCSVD, left vectors only): a 512x512 decomposition in double takes
// twice as long and the fractions need no more than float precision.
GateSubspace gateSubspace(const LstmLayer &layer, Gate gate);

} // namespace folkrnn::analysis

#include "core/analysis/GateSubspace.h"

#include <Eigen/SVD>

#include <cmath>

namespace folkrnn::analysis {

void subspaceCapture(const Eigen::Ref<const Eigen::MatrixXd> &basis, const WeightsRef &items,
                     Eigen::Ref<RowMatrixXd> out)
{
    // c_kj = <u_j, w_k>; since the u_j are orthonormal, ||U_r U_r^T w_k||^2 = sum_{j<=r} c_kj^2.
    out.noalias() = items.cast<double>() * basis;
    for (Eigen::Index k = 0; k < out.rows(); ++k) {
        const double wn = items.row(k).cast<double>().norm();
        double acc = 0;
        for (Eigen::Index r = 0; r < out.cols(); ++r) {
            acc += out(k, r) * out(k, r);
            out(k, r) = wn > 0.0 ? std::sqrt(acc) / wn : 0.0;
        }
    }
}

GateSubspace gateSubspace(const LstmLayer &layer, Gate gate)
{
    // The posts' W_h* = U S V^T, with W_h* = Wh^T in our row-vector storage.
    const Eigen::MatrixXf whPosts = layer.wh(gate).transpose();
    Eigen::BDCSVD<Eigen::MatrixXf> svd(whPosts, Eigen::ComputeFullU);
    GateSubspace s;
    s.singularValues = svd.singularValues().cast<double>();
    s.cumulativeSingularValue.resize(s.singularValues.size());
    const double total = s.singularValues.sum();
    double acc = 0;
    for (Eigen::Index r = 0; r < s.singularValues.size(); ++r) {
        acc += s.singularValues[r];
        s.cumulativeSingularValue[r] = total > 0.0 ? acc / total : 0.0;
    }
    const Eigen::MatrixXd basis = svd.matrixU().cast<double>();
    s.captured.resize(layer.inputSize(), basis.cols());
    subspaceCapture(basis, layer.wx(gate), s.captured);
    return s;
}

} // namespace folkrnn::analysis

#include "core/analysis/SoftmaxSvd.h"

#include <Eigen/SVD>

#include <stdexcept>

namespace folkrnn::analysis {

SoftmaxSvd softmaxSvd(const WeightsRef &denseW)
{
    // V = denseW^T = U S W^T  (U: token space, W: unit space).
    const Eigen::MatrixXd v = denseW.transpose().cast<double>();
    Eigen::BDCSVD<Eigen::MatrixXd> svd(v, Eigen::ComputeThinU | Eigen::ComputeThinV);
    SoftmaxSvd out;
    out.singularValues = svd.singularValues();
    out.tokenVectors = svd.matrixU();
    out.unitVectors = svd.matrixV();
    for (Eigen::Index i = 0; i < out.tokenVectors.cols(); ++i) {
        Eigen::Index big = 0;
        out.tokenVectors.col(i).cwiseAbs().maxCoeff(&big); // first maximum
        if (out.tokenVectors(big, i) < 0) {
            out.tokenVectors.col(i) *= -1.0;
            out.unitVectors.col(i) *= -1.0;
        }
    }
    return out;
}

void softmax(const Eigen::Ref<const Eigen::VectorXd> &z, Eigen::Ref<Eigen::VectorXd> out)
{
    // softmax(z)_n = e^{z_n} / sum_m e^{z_m}
    out = (z.array() - z.maxCoeff()).exp();
    out /= out.sum();
}

void pushedDistribution(const SoftmaxSvd &svd, const VectorRef &bias, int i, double sign, double scale,
                        Eigen::Ref<Eigen::VectorXd> out)
{
    if (i < 0 || i >= svd.singularValues.size())
        throw std::invalid_argument("singular vector " + std::to_string(i) + " does not exist");
    // p = softmax(v + sign * scale * s_i u_i)
    out = bias.cast<double>() + (sign * scale * svd.singularValues[i]) * svd.tokenVectors.col(i);
    softmax(out, out);
}

} // namespace folkrnn::analysis

#pragma once
#include "core/analysis/Arrays.h"

// Part 3 of the posts: the singular value decomposition of the softmax matrix V (137x512 there,
// V h + v = logits), "V w_i = s_i u_i with s_1 > s_2 > ...", and the distribution that results
// when the last LSTM layer outputs w_i: softmax(v + s_i u_i) (and with -s_i u_i for -w_i).
// Orientation: our denseW [H, V] is the posts' V transposed, so denseW = W S U^T: the posts'
// right vectors w_i (unit space) are our left ones and their u_i (token space) our right ones.
namespace folkrnn::analysis {

struct SoftmaxSvd {
    Eigen::VectorXd singularValues; // [r], r = min(H, V), descending
    Eigen::MatrixXd tokenVectors;   // [V, r] u_i (token space)
    Eigen::MatrixXd unitVectors;    // [H, r] w_i (unit space); V w_i = s_i u_i
};

// SVD of V = denseW^T. Each pair (u_i, w_i) is signed so that u_i's entry of largest magnitude
// is positive (the first such entry on ties): an SVD fixes the pair only up to a common sign.
SoftmaxSvd softmaxSvd(const WeightsRef &denseW);

// out = softmax(bias + sign * scale * s_i u_i): the distribution when h = sign * scale * w_i
// (scale 1: the unit-norm right vector itself). `out` has V entries.
void pushedDistribution(const SoftmaxSvd &svd, const VectorRef &bias, int i, double sign, double scale,
                        Eigen::Ref<Eigen::VectorXd> out);

// out = softmax(z), computed as exp(z - max z) / sum for stability.
void softmax(const Eigen::Ref<const Eigen::VectorXd> &z, Eigen::Ref<Eigen::VectorXd> out);

} // namespace folkrnn::analysis

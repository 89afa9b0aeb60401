#include "core/sim/LstmStep.h"

#include <cmath>

namespace folkrnn {

void accumulateRows(const Eigen::Ref<const RowMatrixXf> &W, const Eigen::Ref<const Eigen::VectorXd> &x,
                    Eigen::Ref<Eigen::VectorXd> out)
{
    const Eigen::Index rows = W.rows();
    const Eigen::Index n = W.cols();
    const double *xv = x.data();
    for (Eigen::Index r = 0; r < rows; ++r) {
        const float *w = W.data() + r * W.outerStride();
        // Four independent sums let the compiler keep several FMA chains in flight.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        Eigen::Index k = 0;
        for (; k + 4 <= n; k += 4) {
            s0 += double(w[k]) * xv[k];
            s1 += double(w[k + 1]) * xv[k + 1];
            s2 += double(w[k + 2]) * xv[k + 2];
            s3 += double(w[k + 3]) * xv[k + 3];
        }
        for (; k < n; ++k)
            s0 += double(w[k]) * xv[k];
        out[r] += (s0 + s1) + (s2 + s3);
    }
}

void lstmPreactivation(const FusedLayer &layer, int inputRow, const Eigen::Ref<const Eigen::VectorXd> &x,
                       const Eigen::Ref<const Eigen::VectorXd> &hPrev, Eigen::Ref<Eigen::VectorXd> z)
{
    z = layer.bias;
    if (inputRow >= 0)
        z += layer.inputRows.row(inputRow).transpose().cast<double>();
    else
        accumulateRows(layer.inputT, x, z);
    accumulateRows(layer.recurrentT, hPrev, z);
}

namespace {
inline double sigmoid(double v) { return 1.0 / (1.0 + std::exp(-v)); }
} // namespace

void lstmGates(Eigen::Ref<Eigen::VectorXd> z, Eigen::Ref<Eigen::VectorXd> c, Eigen::Ref<Eigen::VectorXd> h)
{
    const Eigen::Index H = c.size();
    double *zi = z.data();
    double *zf = zi + H;
    double *zg = zf + H;
    double *zo = zg + H;
    for (Eigen::Index k = 0; k < H; ++k) {
        zi[k] = sigmoid(zi[k]);
        zf[k] = sigmoid(zf[k]);
        zg[k] = std::tanh(zg[k]);
        zo[k] = sigmoid(zo[k]);
        c[k] = zf[k] * c[k] + zi[k] * zg[k];
        h[k] = zo[k] * std::tanh(c[k]);
    }
}

void lstmOutput(const Eigen::Ref<const Eigen::VectorXd> &o, const Eigen::Ref<const Eigen::VectorXd> &c,
                Eigen::Ref<Eigen::VectorXd> h)
{
    for (Eigen::Index k = 0; k < c.size(); ++k)
        h[k] = o[k] * std::tanh(c[k]);
}

void softmaxOutput(const FusedWeights &w, const Eigen::Ref<const Eigen::VectorXd> &h, double temperature,
                   Eigen::Ref<Eigen::VectorXd> logits, Eigen::Ref<Eigen::VectorXd> logProbs,
                   Eigen::Ref<Eigen::VectorXd> probs)
{
    logits = w.denseB;
    accumulateRows(w.denseT, h, logits);
    // p = softmax(logits / T), computed as exp(s - max s) / Σ exp(s - max s) with s = logits / T.
    const double inv = 1.0 / temperature;
    const double m = logits.maxCoeff() * inv;
    double sum = 0.0;
    for (Eigen::Index k = 0; k < logits.size(); ++k) {
        const double e = std::exp(logits[k] * inv - m);
        probs[k] = e;
        sum += e;
    }
    const double logSum = std::log(sum);
    for (Eigen::Index k = 0; k < logits.size(); ++k) {
        probs[k] /= sum;
        logProbs[k] = logits[k] * inv - m - logSum;
    }
}

} // namespace folkrnn

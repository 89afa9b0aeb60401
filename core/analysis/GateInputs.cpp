#include "core/analysis/GateInputs.h"

#include <cmath>

namespace folkrnn::analysis {

void rowNorms(const WeightsRef &items, Eigen::Ref<Eigen::VectorXd> out)
{
    out = items.cast<double>().rowwise().norm();
}

// cos_k = <w_k, v> / (||w_k|| ||v||)
void rowCosines(const WeightsRef &items, const VectorRef &v, Eigen::Ref<Eigen::VectorXd> out)
{
    const Eigen::VectorXd vd = v.cast<double>();
    const double vn = vd.norm();
    const Eigen::MatrixXd w = items.cast<double>();
    out = w * vd;
    for (Eigen::Index k = 0; k < w.rows(); ++k) {
        const double wn = w.row(k).norm();
        out[k] = (vn > 0.0 && wn > 0.0) ? out[k] / (wn * vn) : 0.0;
    }
}

GateInputSummary gateInputSummary(const LstmLayer &layer)
{
    const Eigen::Index nIn = layer.inputSize();
    GateInputSummary s;
    s.columnNorms.resize(4, nIn);
    s.biasCosine.resize(4, nIn);
    s.meanActivation.resize(4, nIn);
    s.meanActivationNoBias.resize(4, nIn);
    Eigen::VectorXd cosines(nIn);
    for (Gate g : kGates) {
        const int r = static_cast<int>(g);
        // Column k of z is token k's vector w_k (the posts' orientation), contiguous.
        const Eigen::MatrixXd z = layer.wx(g).transpose().cast<double>();
        const Eigen::VectorXd b = layer.bias(g).cast<double>();
        s.columnNorms.row(r) = z.colwise().norm();
        rowCosines(layer.wx(g), layer.bias(g), cosines);
        s.biasCosine.row(r) = cosines.transpose();
        s.biasNorms[r] = b.norm();
        // mean_u act([w_k + b]_u), act = tanh for the cell input, else sigmoid 1 / (1 + e^-z).
        if (g == Gate::Cell) {
            s.meanActivationNoBias.row(r) = z.array().tanh().colwise().mean().matrix();
            s.meanActivation.row(r) = (z.colwise() + b).array().tanh().colwise().mean().matrix();
        } else {
            s.meanActivationNoBias.row(r) = (1.0 / (1.0 + (-z.array()).exp())).colwise().mean().matrix();
            s.meanActivation.row(r) =
                (1.0 / (1.0 + (-(z.colwise() + b).array()).exp())).colwise().mean().matrix();
        }
    }
    return s;
}

} // namespace folkrnn::analysis

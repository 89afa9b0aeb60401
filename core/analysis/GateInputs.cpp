#include "core/analysis/GateInputs.h"

#include <cmath>

namespace folkrnn::analysis {

void rowNorms(const WeightsRef &items, Eigen::Ref<Eigen::VectorXd> out)
{
    for (Eigen::Index k = 0; k < items.rows(); ++k)
        out[k] = items.row(k).cast<double>().norm();
}

// cos_k = <w_k, v> / (||w_k|| ||v||)
void rowCosines(const WeightsRef &items, const VectorRef &v, Eigen::Ref<Eigen::VectorXd> out)
{
    const Eigen::VectorXd vd = v.cast<double>();
    const double vn = vd.norm();
    for (Eigen::Index k = 0; k < items.rows(); ++k) {
        const double wn = items.row(k).cast<double>().norm();
        out[k] = (vn > 0.0 && wn > 0.0) ? items.row(k).cast<double>().dot(vd.transpose()) / (wn * vn) : 0.0;
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
        // Column k of zf is token k's vector w_k (the posts' orientation), contiguous.
        const Eigen::ArrayXXf zf = layer.wx(g).transpose().array();
        s.columnNorms.row(r) = zf.matrix().cast<double>().colwise().norm();
        rowCosines(layer.wx(g), layer.bias(g), cosines);
        s.biasCosine.row(r) = cosines.transpose();
        s.biasNorms[r] = layer.bias(g).cast<double>().norm();
        // mean_u act([w_k + b]_u), act = tanh for the cell input, else sigmoid 1 / (1 + e^-z),
        // written 0.5 (1 + tanh(z / 2)). Evaluated in float, which Eigen vectorises (the weights
        // are float; the means agree with float64 to ~1e-7), and averaged in double.
        const Eigen::ArrayXf bf = layer.bias(g).array();
        const bool cell = g == Gate::Cell;
        const auto meanAct = [&](const Eigen::ArrayXXf &pre) -> Eigen::RowVectorXd {
            const Eigen::ArrayXXf t = cell ? pre.tanh().eval() : (0.5f * pre).tanh().eval();
            const Eigen::RowVectorXd m = t.cast<double>().colwise().mean().matrix();
            return cell ? m : (0.5 * (m.array() + 1.0)).matrix().eval();
        };
        s.meanActivationNoBias.row(r) = meanAct(zf);
        s.meanActivation.row(r) = meanAct(zf.colwise() + bf);
    }
    return s;
}

} // namespace folkrnn::analysis

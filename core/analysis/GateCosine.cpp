#include "core/analysis/GateCosine.h"

#include <cmath>
#include <stdexcept>

namespace folkrnn::analysis {

RowMatrixXd inputRecurrentCosines(const LstmLayer &layer, Gate gate)
{
    // A_k = (w_k + b) / ||w_k + b||,  R_j = r_j / ||r_j||,  C = A R^T.
    Eigen::MatrixXd a = layer.wx(gate).cast<double>();
    a.rowwise() += layer.bias(gate).cast<double>().transpose();
    Eigen::MatrixXd r = layer.wh(gate).cast<double>();
    const auto normalise = [](Eigen::MatrixXd &m) {
        for (Eigen::Index i = 0; i < m.rows(); ++i) {
            const double n = m.row(i).norm();
            if (n > 0.0)
                m.row(i) /= n;
            else
                m.row(i).setZero();
        }
    };
    normalise(a);
    normalise(r);
    RowMatrixXd c(a.rows(), r.rows());
    c.noalias() = a * r.transpose();
    return c;
}

Histogram histogram(const Eigen::Ref<const RowMatrixXd> &values, int bins, double lo, double hi)
{
    if (bins < 1)
        throw std::invalid_argument("a histogram needs at least one bin");
    if (!(lo < hi))
        throw std::invalid_argument("a histogram needs lo < hi");
    Histogram h;
    h.lo = lo;
    h.hi = hi;
    h.counts.assign(static_cast<std::size_t>(bins), 0);
    // Edges e_b = lo + b (hi - lo) / bins, computed as numpy does (linspace) so that values on an
    // edge land in the same bin.
    std::vector<double> edges(static_cast<std::size_t>(bins) + 1);
    const double step = (hi - lo) / double(bins);
    for (int b = 0; b <= bins; ++b)
        edges[static_cast<std::size_t>(b)] = lo + double(b) * step;
    edges.back() = hi;
    const double scale = double(bins) / (hi - lo);
    for (Eigen::Index i = 0; i < values.rows(); ++i)
        for (Eigen::Index j = 0; j < values.cols(); ++j) {
            const double v = values(i, j);
            if (!(v >= lo && v <= hi))
                continue;
            int b = std::min(bins - 1, static_cast<int>((v - lo) * scale));
            // Settle rounding at the edges against the edge values themselves.
            while (b > 0 && v < edges[static_cast<std::size_t>(b)])
                --b;
            while (b < bins - 1 && v >= edges[static_cast<std::size_t>(b) + 1])
                ++b;
            ++h.counts[static_cast<std::size_t>(b)];
        }
    return h;
}

} // namespace folkrnn::analysis

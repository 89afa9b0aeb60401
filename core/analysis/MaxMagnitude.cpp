#include "core/analysis/MaxMagnitude.h"

#include <algorithm>
#include <numeric>

namespace folkrnn::analysis {

// m[u] = max_t |x_t[u]|, walking the row-major matrix row by row for contiguous reads.
void maxMagnitude(const SignalRef &x, Eigen::Ref<Eigen::VectorXf> out)
{
    out.setZero();
    for (Eigen::Index t = 0; t < x.rows(); ++t)
        out = out.cwiseMax(x.row(t).transpose().cwiseAbs());
}

MaxMagnitude sortedMaxMagnitude(const SignalRef &x)
{
    MaxMagnitude m;
    m.perUnit.resize(x.cols());
    maxMagnitude(x, m.perUnit);
    m.order.resize(static_cast<std::size_t>(x.cols()));
    std::iota(m.order.begin(), m.order.end(), 0);
    std::stable_sort(m.order.begin(), m.order.end(), [&](int a, int b) { return m.perUnit[a] < m.perUnit[b]; });
    return m;
}

std::vector<int> unitsAtMost(const MaxMagnitude &m, float threshold)
{
    std::vector<int> out;
    for (int u : m.order)
        if (m.perUnit[u] <= threshold)
            out.push_back(u);
    return out;
}

std::vector<int> unitsAtLeast(const MaxMagnitude &m, float threshold)
{
    std::vector<int> out;
    for (int u : m.order)
        if (m.perUnit[u] >= threshold)
            out.push_back(u);
    return out;
}

} // namespace folkrnn::analysis

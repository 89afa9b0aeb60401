#include "core/analysis/Gramian.h"

#include <algorithm>
#include <numeric>

namespace folkrnn::analysis {

RowMatrixXd normalisedGramian(const WeightsRef &items)
{
    // N_i = items_i / ||items_i||;  G = N N^T.
    Eigen::MatrixXd n = items.cast<double>();
    for (Eigen::Index i = 0; i < n.rows(); ++i) {
        const double norm = n.row(i).norm();
        if (norm > 0.0)
            n.row(i) /= norm;
        else
            n.row(i).setZero();
    }
    // Symmetric: a rank-k update fills the lower triangle at half the cost of a full product.
    Eigen::MatrixXd lower = Eigen::MatrixXd::Zero(n.rows(), n.rows());
    lower.selfadjointView<Eigen::Lower>().rankUpdate(n);
    RowMatrixXd g = lower.selfadjointView<Eigen::Lower>();
    return g;
}

// var_i = (1/n) sum_j (G_ij - mean_i)^2
Eigen::VectorXd rowVariance(const Eigen::Ref<const RowMatrixXd> &gram)
{
    const Eigen::Index n = gram.cols();
    Eigen::VectorXd v(gram.rows());
    for (Eigen::Index i = 0; i < gram.rows(); ++i) {
        const double mean = gram.row(i).mean();
        v[i] = n ? (gram.row(i).array() - mean).square().sum() / double(n) : 0.0;
    }
    return v;
}

std::vector<int> orderByRowVariance(const Eigen::Ref<const RowMatrixXd> &gram)
{
    const Eigen::VectorXd v = rowVariance(gram);
    std::vector<int> order(static_cast<std::size_t>(v.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return v[a] < v[b]; });
    return order;
}

ExtremePairs extremePairs(const Eigen::Ref<const RowMatrixXd> &gram, int count)
{
    const int n = static_cast<int>(gram.rows());
    std::vector<ItemPair> pairs;
    pairs.reserve(static_cast<std::size_t>(n) * static_cast<std::size_t>(std::max(0, n - 1)) / 2);
    for (int a = 0; a < n; ++a)
        for (int b = a + 1; b < n; ++b)
            pairs.push_back({a, b, gram(a, b)});
    const auto k = static_cast<std::ptrdiff_t>(std::min<std::size_t>(std::max(0, count), pairs.size()));
    // Pairs are generated in (a, b) order, so breaking ties on it keeps the result deterministic.
    const auto before = [](const ItemPair &p, const ItemPair &q) { return p.a != q.a ? p.a < q.a : p.b < q.b; };
    ExtremePairs out;
    std::partial_sort(pairs.begin(), pairs.begin() + k, pairs.end(), [&](const ItemPair &p, const ItemPair &q) {
        return p.cosine != q.cosine ? p.cosine > q.cosine : before(p, q);
    });
    out.alike.assign(pairs.begin(), pairs.begin() + k);
    std::partial_sort(pairs.begin(), pairs.begin() + k, pairs.end(), [&](const ItemPair &p, const ItemPair &q) {
        return p.cosine != q.cosine ? p.cosine < q.cosine : before(p, q);
    });
    out.opposed.assign(pairs.begin(), pairs.begin() + k);
    return out;
}

} // namespace folkrnn::analysis

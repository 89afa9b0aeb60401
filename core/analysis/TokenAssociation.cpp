#include "core/analysis/TokenAssociation.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace folkrnn::analysis {

TokenAssociation tokenAssociation(const SignalRef &x, std::span<const int> tokens, int vocabSize, int lag)
{
    if (static_cast<Eigen::Index>(tokens.size()) != x.rows())
        throw std::invalid_argument("token association: the signal has " + std::to_string(x.rows()) +
                                    " steps but " + std::to_string(tokens.size()) + " tokens were given");
    if (lag < 0)
        throw std::invalid_argument("token association: the lag must not be negative");
    const Eigen::Index H = x.cols();
    TokenAssociation a;
    a.lag = lag;
    a.mean = RowMatrixXd::Zero(vocabSize, H);
    a.count.assign(static_cast<std::size_t>(vocabSize), 0);
    a.unitMean = Eigen::VectorXd::Zero(H);

    // mean[k][u] = (1 / n_k) sum_{t : token(t) = k, t >= lag} x_{t-lag}[u]
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        const int k = tokens[t];
        if (k < 0 || k >= vocabSize)
            throw std::invalid_argument("token association: token id " + std::to_string(k) + " at step " +
                                        std::to_string(t) + " is outside the vocabulary");
        a.unitMean += x.row(static_cast<Eigen::Index>(t)).transpose().cast<double>();
        if (static_cast<int>(t) < lag)
            continue;
        a.mean.row(k) += x.row(static_cast<Eigen::Index>(t) - lag).cast<double>();
        ++a.count[static_cast<std::size_t>(k)];
    }
    for (int k = 0; k < vocabSize; ++k) {
        const int n = a.count[static_cast<std::size_t>(k)];
        if (n > 0)
            a.mean.row(k) /= double(n);
        else
            a.mean.row(k).setConstant(std::numeric_limits<double>::quiet_NaN());
    }
    if (!tokens.empty())
        a.unitMean /= double(tokens.size());
    return a;
}

std::vector<TokenUnitScore> unitsBeforeToken(const TokenAssociation &a, int token)
{
    std::vector<TokenUnitScore> out;
    if (token < 0 || token >= a.mean.rows() || a.count[static_cast<std::size_t>(token)] == 0)
        return out;
    out.reserve(static_cast<std::size_t>(a.mean.cols()));
    for (Eigen::Index u = 0; u < a.mean.cols(); ++u)
        out.push_back({static_cast<int>(u), a.mean(token, u), a.mean(token, u) - a.unitMean[u]});
    std::stable_sort(out.begin(), out.end(),
                     [](const TokenUnitScore &p, const TokenUnitScore &q) { return p.contrast > q.contrast; });
    return out;
}

} // namespace folkrnn::analysis

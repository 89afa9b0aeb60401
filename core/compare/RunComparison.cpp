#include "core/compare/RunComparison.h"

#include "core/sim/Run.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace folkrnn {

double klDivergence(const double *logP, const double *logQ, int n)
{
    double sum = 0.0;
    for (int v = 0; v < n; ++v) {
        const double p = std::exp(logP[v]);
        if (p == 0.0)
            continue;
        if (logQ[v] == -std::numeric_limits<double>::infinity())
            return std::numeric_limits<double>::infinity();
        sum += p * (logP[v] - logQ[v]);
    }
    // Rounding can leave a tiny negative sum for equal distributions; KL is never negative.
    return std::max(0.0, sum);
}

std::vector<std::string> tuneText(const Run &run)
{
    std::vector<std::string> out;
    for (int t = 0; t < run.steps(); ++t) {
        const std::string &text = run.tokenText(run.token(t));
        if (text == "</s>")
            break;
        out.push_back(text);
    }
    return out;
}

RunComparison compareRuns(const Run &baseline, const Run &intervened)
{
    if (baseline.vocabSize() != intervened.vocabSize())
        throw std::invalid_argument("compareRuns: the runs have different vocabularies");
    RunComparison c;
    c.baselineSteps = baseline.steps();
    c.intervenedSteps = intervened.steps();
    const int common = std::min(c.baselineSteps, c.intervenedSteps);
    const int all = std::max(c.baselineSteps, c.intervenedSteps);
    const int V = baseline.vocabSize();
    c.kl.resize(static_cast<std::size_t>(common));
    double sum = 0.0;
    for (int t = 0; t < common; ++t) {
        const double kl = klDivergence(baseline.logProbs(t).data(), intervened.logProbs(t).data(), V);
        c.kl[static_cast<std::size_t>(t)] = kl;
        sum += kl;
        c.maxKl = std::max(c.maxKl, kl);
    }
    c.meanKl = common > 0 ? sum / common : 0.0;
    c.differs.assign(static_cast<std::size_t>(all), 1);
    for (int t = 0; t < common; ++t)
        c.differs[static_cast<std::size_t>(t)] = baseline.token(t) != intervened.token(t) ? 1 : 0;
    for (int t = 0; t < all; ++t)
        if (c.differs[static_cast<std::size_t>(t)]) {
            ++c.differingTokens;
            if (c.firstDifference < 0)
                c.firstDifference = t;
        }
    const std::vector<std::string> base = tuneText(baseline), interv = tuneText(intervened);
    c.baselineMeasures = summarizeMeasures(base);
    c.intervenedMeasures = summarizeMeasures(interv);
    c.baselineBars = measureLengths(base);
    c.intervenedBars = measureLengths(interv);
    return c;
}

} // namespace folkrnn

#include "core/analysis/StepEntropy.h"

#include "core/sim/Run.h"

#include <cmath>

namespace folkrnn {

double stepEntropyBits(const Run &run, int t)
{
    static constexpr double kLog2e = 1.4426950408889634074;
    const auto lp = run.logProbs(t);
    double h = 0.0;
    for (Eigen::Index v = 0; v < lp.size(); ++v)
        if (std::isfinite(lp[v]))
            h -= std::exp(lp[v]) * lp[v];
    return h * kLog2e;
}

std::vector<double> stepEntropyBits(const Run &run)
{
    std::vector<double> out(static_cast<std::size_t>(run.steps()));
    for (int t = 0; t < run.steps(); ++t)
        out[static_cast<std::size_t>(t)] = stepEntropyBits(run, t);
    return out;
}

} // namespace folkrnn

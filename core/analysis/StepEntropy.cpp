#include "core/analysis/StepEntropy.h"

#include "core/sim/Run.h"

#include <cmath>

namespace folkrnn {

std::vector<double> stepEntropyBits(const Run &run)
{
    static constexpr double kLog2e = 1.4426950408889634074;
    std::vector<double> out(static_cast<std::size_t>(run.steps()));
    for (int t = 0; t < run.steps(); ++t) {
        const auto lp = run.logProbs(t);
        double h = 0.0;
        for (Eigen::Index v = 0; v < lp.size(); ++v)
            if (std::isfinite(lp[v]))
                h -= std::exp(lp[v]) * lp[v];
        out[static_cast<std::size_t>(t)] = h * kLog2e;
    }
    return out;
}

} // namespace folkrnn

#include "core/analysis/LogitPush.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace folkrnn::analysis {

namespace {
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
} // namespace

// alpha = e^delta / (1 - (1 - e^delta) p)
double probabilityFactor(double delta, double p)
{
    if (!(p >= 0.0 && p <= 1.0) || std::isnan(delta))
        return kNan;
    if (delta == kInf)
        return p > 0.0 ? 1.0 / p : kInf;
    const double e = std::exp(delta);
    if (std::isinf(e)) // delta so large that e^delta overflows: the limit 1/p
        return p > 0.0 ? 1.0 / p : kInf;
    return e / (1.0 - (1.0 - e) * p);
}

// delta = log alpha + log((1 - p) / (1 - alpha p))
double logitShift(double alpha, double p)
{
    if (!(p >= 0.0 && p <= 1.0) || !(alpha >= 0.0))
        return kNan;
    if (p > 0.0 && alpha > 1.0 / p)
        return kNan;
    if (p == 1.0) // the limit p -> 1: alpha < 1 needs delta -> -inf, alpha = 1 needs no change
        return alpha == 1.0 ? 0.0 : -kInf;
    const double rest = 1.0 - alpha * p;
    if (rest <= 0.0)
        return kInf;
    return std::log(alpha) + std::log((1.0 - p) / rest);
}

void probabilityFactors(const Eigen::Ref<const Eigen::VectorXd> &deltas, double p, Eigen::Ref<Eigen::VectorXd> out)
{
    for (Eigen::Index j = 0; j < deltas.size(); ++j)
        out[j] = probabilityFactor(deltas[j], p);
}

void logitShifts(const Eigen::Ref<const Eigen::VectorXd> &alphas, double p, Eigen::Ref<Eigen::VectorXd> out)
{
    for (Eigen::Index j = 0; j < alphas.size(); ++j)
        out[j] = logitShift(alphas[j], p);
}

void unitPushFactors(const WeightsRef &denseW, int unit, double dh, const Eigen::Ref<const Eigen::VectorXd> &probs,
                     Eigen::Ref<Eigen::VectorXd> out)
{
    if (unit < 0 || unit >= denseW.rows())
        throw std::invalid_argument("unit " + std::to_string(unit) + " does not exist");
    for (Eigen::Index n = 0; n < denseW.cols(); ++n)
        out[n] = probabilityFactor(dh * double(denseW(unit, n)), probs[n]);
}

} // namespace folkrnn::analysis

#include "core/sim/Sampler.h"

#include <algorithm>

namespace folkrnn {

void Sampler::rewindTo(std::uint64_t draws)
{
    if (draws < draws_) {
        engine_.seed(seed_);
        draws_ = 0;
    }
    engine_.discard(draws - draws_);
    draws_ = draws;
}

double Sampler::randomSample()
{
    const std::uint32_t a = static_cast<std::uint32_t>(engine_()) >> 5;
    const std::uint32_t b = static_cast<std::uint32_t>(engine_()) >> 6;
    draws_ += 2;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

int Sampler::choice(const Eigen::Ref<const Eigen::VectorXd> &p)
{
    const Eigen::Index n = p.size();
    cdf_.resize(n);
    double sum = 0.0;
    for (Eigen::Index k = 0; k < n; ++k) {
        sum += p[k];
        cdf_[k] = sum;
    }
    const double last = cdf_[n - 1];
    for (Eigen::Index k = 0; k < n; ++k)
        cdf_[k] /= last;
    const double u = randomSample();
    const double *begin = cdf_.data();
    const double *it = std::upper_bound(begin, begin + n, u);
    return static_cast<int>(std::min<Eigen::Index>(it - begin, n - 1));
}

} // namespace folkrnn

#pragma once
#include <Eigen/Core>

#include <cstdint>
#include <random>

namespace folkrnn {

// numpy.random.RandomState(seed) as folk-rnn's sample_rnn.py used it. For an integer seed numpy's
// legacy generator is MT19937 seeded by init_genrand(seed), i.e. std::mt19937(seed).
class Sampler {
public:
    explicit Sampler(std::uint32_t seed = 0) : seed_(seed), engine_(seed) {}

    std::uint32_t seed() const { return seed_; }
    // How many 32-bit outputs have been drawn since seeding: with rewindTo() this restores the
    // stream exactly when a step is undone.
    std::uint64_t draws() const { return draws_; }
    void rewindTo(std::uint64_t draws);

    // numpy random_sample(): 53 random bits from two 32-bit outputs,
    // ((a >> 5) * 2^26 + (b >> 6)) / 2^53.
    double randomSample();

    // numpy choice(arange(V), p=p): cdf = cumsum(p); cdf /= cdf[-1]; one random_sample() u;
    // searchsorted(cdf, u, side='right'). The cumulative sum runs left to right in double as numpy's
    // add.accumulate does, so the chosen index matches numpy bit for bit.
    int choice(const Eigen::Ref<const Eigen::VectorXd> &p);

private:
    std::uint32_t seed_;
    std::mt19937 engine_;
    std::uint64_t draws_ = 0;
    Eigen::VectorXd cdf_;
};

} // namespace folkrnn

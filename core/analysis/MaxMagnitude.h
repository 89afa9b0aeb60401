#pragma once
#include "core/analysis/Arrays.h"

#include <vector>

// Part 5 of the posts: "a plot of the maximum magnitude of each unit sorted from smallest to
// largest" — units that are off for the whole run (max |h| no larger than 0.004) and units that
// saturate (above 0.9998).
namespace folkrnn::analysis {

struct MaxMagnitude {
    Eigen::VectorXf perUnit; // [H] max_t |x_t[u]|
    std::vector<int> order;  // units by ascending perUnit (ties: lower unit first)
};

// out[u] = max_t |x_t[u]|; 0 for a run without steps. `out` must have H entries.
void maxMagnitude(const SignalRef &x, Eigen::Ref<Eigen::VectorXf> out);
MaxMagnitude sortedMaxMagnitude(const SignalRef &x);

// Units whose maximum magnitude is <= threshold (off), or >= threshold (saturating), in the
// order of MaxMagnitude::order.
std::vector<int> unitsAtMost(const MaxMagnitude &m, float threshold);
std::vector<int> unitsAtLeast(const MaxMagnitude &m, float threshold);

} // namespace folkrnn::analysis

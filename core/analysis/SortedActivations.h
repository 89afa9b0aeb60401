#pragma once
#include "core/analysis/Arrays.h"

// Part 5 of the posts: "sort the activations from smallest (-1, left) to largest (+1, right) for
// each step", and the sparsity figures read off that picture ("about 80% of all activations have a
// magnitude less than 0.07, about 2% ... greater than 0.8").
namespace folkrnn::analysis {

struct SparsitySettings {
    double small = 0.07; // |x| < small counts as (nearly) silent
    double large = 0.8;  // |x| > large counts as strongly active
};

struct Sparsity {
    Eigen::VectorXd smallFraction; // [T] fraction of units with |x_t[u]| < small at step t
    Eigen::VectorXd largeFraction; // [T] fraction of units with |x_t[u]| > large at step t
    double overallSmall = 0;       // over every (step, unit) of the run
    double overallLarge = 0;
    double meanLargeCount = 0;     // units above `large` per step, on average ("activating ~10 columns of V")
};

// out.row(t) = x.row(t) sorted ascending. `out` must be [T, H].
void sortActivations(const SignalRef &x, Eigen::Ref<RowMatrixXf> out);
RowMatrixXf sortedActivations(const SignalRef &x);

Sparsity sparsity(const SignalRef &x, const SparsitySettings &settings = {});

} // namespace folkrnn::analysis

#pragma once
#include "core/analysis/Arrays.h"

#include <vector>

// Parts 2 and 4 of the posts: the Gramian of a matrix with each column normalised first,
// V̂^T V̂ with [V̂]_i = [V]_i / ||[V]_i||. (Part 2 prints ||.||_2^2 in the denominator; the values
// it reports, 0.9968 and -0.9937, are cosines, so the norm is read as the plain 2-norm.) Items
// are rows of the stored matrix (see WeightChoice.h), so here G = N N^T with N's rows unit.
namespace folkrnn::analysis {

// [n, n] cosines between the n rows of `items`; a zero row has cosine 0 with everything
// (itself included).
RowMatrixXd normalisedGramian(const WeightsRef &items);

// [n] population variance of each row of G (diagonal included): the posts sort the Gramian's
// rows by it ("sorted according to the variance we see along each row").
Eigen::VectorXd rowVariance(const Eigen::Ref<const RowMatrixXd> &gram);
// Rows by ascending variance (ties: lower index first); the items most unlike all others come first.
std::vector<int> orderByRowVariance(const Eigen::Ref<const RowMatrixXd> &gram);

struct ItemPair {
    int a = 0; // a < b
    int b = 0;
    double cosine = 0;
};
struct ExtremePairs {
    std::vector<ItemPair> alike;   // largest off-diagonal cosines, descending
    std::vector<ItemPair> opposed; // smallest off-diagonal cosines, ascending
};
// The `count` most alike and most opposed pairs a < b (ties: lower (a, b) first).
ExtremePairs extremePairs(const Eigen::Ref<const RowMatrixXd> &gram, int count);

} // namespace folkrnn::analysis

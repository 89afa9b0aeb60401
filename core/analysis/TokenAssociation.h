#pragma once
#include "core/analysis/Arrays.h"

#include <span>
#include <vector>

// Part 5 of the posts plots unit outputs against the tokens sampled: "We can see units 156 and
// 203 spiking almost every time before the measure token '|'". Step t of a Run yields the
// distribution token(t) was taken from, so x_t is the state "just before" token(t): the mean of
// x_t[u] over the steps whose token is k is unit u's value before k.
namespace folkrnn::analysis {

struct TokenAssociation {
    int lag = 0;
    RowMatrixXd mean;          // [V, H] mean of x_{t-lag}[u] over steps t with token(t) = k; NaN where count is 0
    std::vector<int> count;    // [V] steps contributing to each row
    Eigen::VectorXd unitMean;  // [H] mean of x_t[u] over all steps of the run
};

struct TokenUnitScore {
    int unit = 0;
    double mean = 0;     // mean before the token
    double contrast = 0; // mean before the token minus the unit's mean over the run
};

// tokens[t] = the token taken at step t (Run::tokens()), x [T, H] with T = tokens.size().
// lag >= 0 looks that many steps further back (steps with t - lag < 0 are skipped).
// Throws std::invalid_argument for a token outside 0..vocabSize-1, a size mismatch or lag < 0.
TokenAssociation tokenAssociation(const SignalRef &x, std::span<const int> tokens, int vocabSize, int lag = 0);

// Units ranked by how much higher they are before `token` than over the whole run (contrast,
// highest first; ties: lower unit first). Empty when the token never occurs.
std::vector<TokenUnitScore> unitsBeforeToken(const TokenAssociation &a, int token);

} // namespace folkrnn::analysis

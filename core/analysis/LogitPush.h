#pragma once
#include "core/analysis/Arrays.h"

// Part 2 of the posts: displacing the pre-softmax value of token n by delta multiplies its
// probability p = [p_t]_n by alpha, where p' = softmax(w + delta e_n) and [p']_n = alpha p:
//   alpha(delta, p) = e^delta / (1 - (1 - e^delta) p),                 -inf < delta < inf
//   delta(alpha, p) = log alpha + log((1 - p) / (1 - alpha p)),         0 <= alpha <= 1/p
// (Derivation: [p']_n = p e^delta / (1 - p + p e^delta).)
namespace folkrnn::analysis {

// p in [0, 1]; NaN outside it.
double probabilityFactor(double delta, double p);
// alpha in [0, 1/p] (-inf at 0, +inf at 1/p); NaN outside it or for p outside [0, 1].
double logitShift(double alpha, double p);

// Element-wise over a grid (curves for a view): out[j] = alpha(deltas[j], p), delta(alphas[j], p).
void probabilityFactors(const Eigen::Ref<const Eigen::VectorXd> &deltas, double p, Eigen::Ref<Eigen::VectorXd> out);
void logitShifts(const Eigen::Ref<const Eigen::VectorXd> &alphas, double p, Eigen::Ref<Eigen::VectorXd> out);

// Part 2's reading of a softmax column: "if the last LSTM layer unit weighting column 497 were to
// spit out a +1, then, all other things being equal, it would increase the probability of '=B,'
// by a factor of about 4 if it were initially about 5% probable". out[n] = alpha(dh * denseW(u, n),
// probs[n]): token n's factor if its logit alone moved by unit u's change dh.
void unitPushFactors(const WeightsRef &denseW, int unit, double dh, const Eigen::Ref<const Eigen::VectorXd> &probs,
                     Eigen::Ref<Eigen::VectorXd> out);

} // namespace folkrnn::analysis

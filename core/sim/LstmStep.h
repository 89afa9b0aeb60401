#pragma once
#include "core/sim/FusedWeights.h"

#include <Eigen/Core>

namespace folkrnn {

// out[r] += Σ_k W[r,k]·x[k] for each row r of a float32 matrix, accumulated in double: the
// original sampler cast float32 weights to float64, so doing the same keeps parity exact.
void accumulateRows(const Eigen::Ref<const RowMatrixXf> &W, const Eigen::Ref<const Eigen::VectorXd> &x,
                    Eigen::Ref<Eigen::VectorXd> out);

// Pre-activations of one LSTM layer, gates fused [i | f | g | o]:
//   z = x·W_x + h_{t-1}·W_h + b
// `inputRow` >= 0 selects the one-hot row of the first layer; otherwise `x` is the input vector.
void lstmPreactivation(const FusedLayer &layer, int inputRow, const Eigen::Ref<const Eigen::VectorXd> &x,
                       const Eigen::Ref<const Eigen::VectorXd> &hPrev, Eigen::Ref<Eigen::VectorXd> z);

// The same for the rows [begin, end) of z only, so two cores can each take a part of a step.
// Every row is summed in the same order whoever computes it and wherever the rows are cut.
void lstmPreactivationRows(const FusedLayer &layer, int inputRow, const Eigen::Ref<const Eigen::VectorXd> &x,
                           const Eigen::Ref<const Eigen::VectorXd> &hPrev, Eigen::Ref<Eigen::VectorXd> z,
                           Eigen::Index begin, Eigen::Index end);

// The kernel takes rows four at a time: cutting on a multiple of four keeps every block full.
inline constexpr Eigen::Index kRowBlock = 4;
// Where to cut `rows` rows in two parts of about equal size, on a kRowBlock boundary.
inline Eigen::Index splitPoint(Eigen::Index rows) { return (rows / 2) / kRowBlock * kRowBlock; }

// A whole layer step for the units [begin, end): their rows of z in each gate block, then their
// gates and state (as lstmGates). h_{t-1} is read from `hPrev` and h_t written to `hOut`, a
// different vector, so two cores can each take a range of units without one overwriting the
// h_{t-1} the other still reads. `c` holds c_{t-1} on entry and c_t on exit for those units.
void lstmLayerUnits(const FusedLayer &layer, int inputRow, const Eigen::Ref<const Eigen::VectorXd> &x,
                    const Eigen::Ref<const Eigen::VectorXd> &hPrev, Eigen::Ref<Eigen::VectorXd> z,
                    Eigen::Ref<Eigen::VectorXd> c, Eigen::Ref<Eigen::VectorXd> hOut, Eigen::Index begin,
                    Eigen::Index end);

// The gate nonlinearities and state update, in place on z ([4H]):
//   i = σ(z_i)  f = σ(z_f)  g = tanh(z_g)  o = σ(z_o)
//   c_t = f ⊙ c_{t-1} + i ⊙ g
//   h_t = o ⊙ tanh(c_t)
// `c` holds c_{t-1} on entry and c_t on exit; z holds i, f, g, o on exit.
void lstmGates(Eigen::Ref<Eigen::VectorXd> z, Eigen::Ref<Eigen::VectorXd> c, Eigen::Ref<Eigen::VectorXd> h);
// The same for the units [begin, end) only.
void lstmGatesUnits(Eigen::Ref<Eigen::VectorXd> z, Eigen::Ref<Eigen::VectorXd> c, Eigen::Ref<Eigen::VectorXd> h,
                    Eigen::Index begin, Eigen::Index end);

// h_t = o ⊙ tanh(c_t) alone, for a cell clamp that changed c_t after lstmGates.
void lstmOutput(const Eigen::Ref<const Eigen::VectorXd> &o, const Eigen::Ref<const Eigen::VectorXd> &c,
                Eigen::Ref<Eigen::VectorXd> h);

// logits = h·W_dense + b_dense, then log p = log softmax(logits / T) and p itself.
// logits[begin, end) = h·W_dense[:, begin, end) + b_dense[begin, end) (the bounds as above).
void denseRows(const FusedWeights &w, const Eigen::Ref<const Eigen::VectorXd> &h, Eigen::Ref<Eigen::VectorXd> logits,
               Eigen::Index begin, Eigen::Index end);

void softmaxOutput(const FusedWeights &w, const Eigen::Ref<const Eigen::VectorXd> &h, double temperature,
                   Eigen::Ref<Eigen::VectorXd> logits, Eigen::Ref<Eigen::VectorXd> logProbs,
                   Eigen::Ref<Eigen::VectorXd> probs);

// log p = log softmax(logits / T) and p, for logits computed elsewhere (the batched GEMM path).
void softmaxFromLogits(const Eigen::Ref<const Eigen::VectorXd> &logits, double temperature,
                       Eigen::Ref<Eigen::VectorXd> logProbs, Eigen::Ref<Eigen::VectorXd> probs);

} // namespace folkrnn

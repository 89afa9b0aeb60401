#pragma once
#include "core/sim/FusedWeights.h"

#include <Eigen/Core>

namespace folkrnn {

// out[r] += Σ_k W[first + r, k]·x[k] for the rows [first, first + rows) of a float32 matrix,
// accumulated in double: the original sampler cast float32 weights to float64, so doing the same
// keeps parity exact. `first` is a multiple of RowGroups::kRows. A row's sum is the same bits
// whoever computes it, alone or with other rows, with or without the vector unit.
void accumulateGroups(const RowGroups &W, Eigen::Index first, Eigen::Index rows,
                      const Eigen::Ref<const Eigen::VectorXd> &x, Eigen::Ref<Eigen::VectorXd> out);

// Pre-activations of the units [begin, end) of one LSTM layer, unit-major (zu[4u + g], gates
// i f g o), as FusedLayer lays out the weights:
//   z = [x ; h_{t-1}] · [W_x ; W_h] + b
// `xh` is x and h_{t-1} one after the other; with one-hot input (the first layer) it is h_{t-1}
// alone and x·W_x is row `inputRow` of the input weights. Every unit's four sums run in the same
// order whoever computes them and wherever the units are cut, so a split step is bit-identical.
void lstmPreactivationUnits(const FusedLayer &layer, int inputRow, const Eigen::Ref<const Eigen::VectorXd> &xh,
                            Eigen::Ref<Eigen::VectorXd> zu, Eigen::Index begin, Eigen::Index end);

// Units are cut in two parts of about equal size; rows (of the dense layer) on a kRowBlock
// boundary, since the kernel takes rows four at a time.
inline constexpr Eigen::Index kRowBlock = RowGroups::kRows;
inline Eigen::Index splitPoint(Eigen::Index rows) { return (rows / 2) / kRowBlock * kRowBlock; }

// A whole layer step for the units [begin, end): their pre-activations into `zu` (unit-major
// scratch, [4H]), then their gates and state (lstmGatesUnits). h_t goes to `hOut`, not to the
// h_{t-1} inside `xh`, so two cores can each take a range of units. `c` holds c_{t-1} on entry
// and c_t on exit for those units.
void lstmLayerUnits(const FusedLayer &layer, int inputRow, const Eigen::Ref<const Eigen::VectorXd> &xh,
                    Eigen::Ref<Eigen::VectorXd> zu, Eigen::Ref<Eigen::VectorXd> z, Eigen::Ref<Eigen::VectorXd> c,
                    Eigen::Ref<Eigen::VectorXd> hOut, Eigen::Index begin, Eigen::Index end);

// The gate nonlinearities and state update of the units [begin, end), from unit-major
// pre-activations `zu`:
//   i = σ(z_i)  f = σ(z_f)  g = tanh(z_g)  o = σ(z_o)
//   c_t = f ⊙ c_{t-1} + i ⊙ g
//   h_t = o ⊙ tanh(c_t)
// `z` ([4H]) receives i, f, g, o gate-major ([i | f | g | o], as the trace records them); `c`
// holds c_{t-1} on entry and c_t on exit.
void lstmGatesUnits(const Eigen::Ref<const Eigen::VectorXd> &zu, Eigen::Ref<Eigen::VectorXd> z,
                    Eigen::Ref<Eigen::VectorXd> c, Eigen::Ref<Eigen::VectorXd> h, Eigen::Index begin, Eigen::Index end);

// The same gates for a whole layer, in place on gate-major pre-activations z ([i | f | g | o],
// the batched path's GEMM layout); z holds i, f, g, o on exit.
void lstmGates(Eigen::Ref<Eigen::VectorXd> z, Eigen::Ref<Eigen::VectorXd> c, Eigen::Ref<Eigen::VectorXd> h);

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

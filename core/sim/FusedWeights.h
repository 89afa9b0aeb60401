#pragma once
#include "core/model/Model.h"
#include "core/sim/RowGroups.h"
#include "core/sim/Run.h"

#include <Eigen/Core>
#include <vector>

namespace folkrnn {

// The model's weights in the layout the step kernel wants. Rows are unit-major: row 4u + g holds
// gate g (i, f, g, o) of unit u, and each row is the unit's whole input, [W_x | W_h] side by side,
// so that one pass of the four-row kernel over one group (RowGroups: the four rows interleaved,
// one contiguous block) gives a unit's four pre-activations (then its gates at once), and each
// core reads one contiguous half of a layer:
//   z_{4u+g} = [x ; h_{t-1}] · [W_x[:, g·H+u] ; W_h[:, g·H+u]] + b_{4u+g}
// Weights stay float32 and are summed in double: the original cast float32 weights to float64.
struct FusedLayer {
    int inputSize = 0;
    int hidden = 0;
    bool oneHotInput = false; // first layer without embedding: x·W_x is a row of inputRows
    RowGroups unitRows;       // [4H, n_in + H], or [4H, H] with one-hot input
    RowMatrixXf inputRows;    // one-hot input only: [V, 4H], row = token, columns unit-major
    Eigen::VectorXd bias;     // [4H], unit-major
    Eigen::VectorXd h0, c0;   // [H]
};

struct FusedWeights {
    explicit FusedWeights(const Model &model);
    std::vector<FusedLayer> layers;
    std::optional<RowMatrixXf> embedding; // [V, E]
    RowGroups denseT;                     // [V, H]
    Eigen::VectorXd denseB;               // [V]
    int vocab = 0;
};

} // namespace folkrnn

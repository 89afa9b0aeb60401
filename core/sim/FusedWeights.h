#pragma once
#include "core/model/Model.h"
#include "core/sim/Run.h"

#include <Eigen/Core>
#include <vector>

namespace folkrnn {

// The model's weights in the layout the step kernels want: the four gates fused along the output
// axis in the order [i | f | g | o], every output's weights contiguous (one row per gate unit), so
// that z = W·x is 4H dot products over contiguous float32 rows accumulated in double.
struct FusedLayer {
    int inputSize = 0;
    int hidden = 0;
    RowMatrixXf inputT;     // [4H, n_in]; for layers after the first (and embedding input)
    RowMatrixXf inputRows;  // [V, 4H]; first layer with one-hot input: row = token
    RowMatrixXf recurrentT; // [4H, H]
    Eigen::VectorXd bias;   // [4H]
    Eigen::VectorXd h0, c0; // [H]
};

struct FusedWeights {
    explicit FusedWeights(const Model &model);
    std::vector<FusedLayer> layers;
    std::optional<RowMatrixXf> embedding; // [V, E]
    RowMatrixXf denseT;                   // [V, H]
    Eigen::VectorXd denseB;               // [V]
    int vocab = 0;
};

} // namespace folkrnn

#pragma once
#include "core/sim/Run.h"

#include <Eigen/Core>

// The argument types the analyses take. A recorded signal is a row-major [T, H] float matrix
// (Run::signalMatrix), one row per step; weights are the Model's column-major float matrices.
// Results are double: they are compared with numpy's float64 and drawn, never fed back to the model.
namespace folkrnn::analysis {

using folkrnn::RowMatrixXd;
using folkrnn::RowMatrixXf;
using SignalRef = Eigen::Ref<const RowMatrixXf>;  // [T, H], steps x units
using WeightsRef = Eigen::Ref<const Eigen::MatrixXf>;
using VectorRef = Eigen::Ref<const Eigen::VectorXf>;

} // namespace folkrnn::analysis

#pragma once
#include "core/analysis/Arrays.h"
#include "core/model/Model.h"

// Part 4 of the posts, on the input matrices W_x{i,f,c,o} of a layer and the four biases:
// "the norms of the columns of these matrices", "the bias in each one of these gates" and their
// norms ("input: 18.5; forget: 99.9; cell: 3.5; and output: 22.2"), "the inner products between
// the normed bias vector and the normalised columns of each matrix", and "the mean value of the
// sigmoid of each column ... added to the bias". Item k is the posts' column k of W_x*, our
// Wx.row(k): the vector token k adds to the gate (see WeightChoice.h). Gate rows are in kGates
// order: i, f, c, o.
namespace folkrnn::analysis {

struct GateInputSummary {
    RowMatrixXd columnNorms;   // [4, n_in] ||w_k||
    Eigen::Vector4d biasNorms; // ||b||
    RowMatrixXd biasCosine;    // [4, n_in] <b, w_k> / (||b|| ||w_k||); 0 where either is zero
    // [4, n_in] mean over units of act(w_k + b) and of act(w_k): the gate's value for token k
    // with h_{t-1} = 0, with and without the bias. act is the gate's own nonlinearity: sigmoid
    // for i, f, o and tanh for the cell input c (the posts say "sigmoid" for all four).
    RowMatrixXd meanActivation;
    RowMatrixXd meanActivationNoBias;
};

// out[k] = ||items.row(k)||
void rowNorms(const WeightsRef &items, Eigen::Ref<Eigen::VectorXd> out);
// out[k] = cos(items.row(k), v)
void rowCosines(const WeightsRef &items, const VectorRef &v, Eigen::Ref<Eigen::VectorXd> out);

GateInputSummary gateInputSummary(const LstmLayer &layer);

} // namespace folkrnn::analysis

#pragma once
#include "core/model/Model.h"

#include <string>

// Which weight matrix a weight analysis looks at, and what its "items" are. The posts write
// z = W x (column vectors), so an item is a column of their matrix; in our row-vector
// convention (z = x·W) the same vector is a ROW of the stored matrix:
//   softmax V (137x512 in the posts) = denseW^T: unit u's V-vector is denseW.row(u)    [H items of V]
//   W_x* of a layer (512x137 in the posts):      token/input k's vector is Wx.row(k)   [n_in items of H]
//   W_h* of a layer (512x512 in the posts):      unit j of h_{t-1}'s vector is Wh.row(j) [H items of H]
namespace folkrnn::analysis {

enum class WeightKind { Softmax, Input, Recurrent };

struct WeightChoice {
    WeightKind kind = WeightKind::Softmax;
    int layer = 0;          // from 0; ignored for Softmax
    Gate gate = Gate::Input; // ignored for Softmax

    bool operator==(const WeightChoice &) const = default;
};

// The stored matrix whose rows are the items. Throws InputError for a layer the model lacks.
const Eigen::MatrixXf &weightItems(const Model &model, const WeightChoice &choice);

// True when item k is token k (first layer with one-hot input); else items are units (or
// embedding dimensions).
bool itemsAreTokens(const Model &model, const WeightChoice &choice);

// "softmax W", "W_xf (layer 1)", "W_hc (layer 3)": layers counted from 1 as in the posts.
std::string describe(const WeightChoice &choice);

} // namespace folkrnn::analysis

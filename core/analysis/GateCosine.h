#pragma once
#include "core/analysis/Arrays.h"
#include "core/model/Model.h"

#include <vector>

// Part 4 of the posts: "the set of inner products between the normalised columns of the input
// vector matrices summed with the biases, and the normalised columns of the hidden state
// matrices ... the cosine of the angle between [W_xi]_{:k} + b_i and [W_hi]_{:j}", and "the
// distribution of values in this matrix". In our storage [W_x*]_{:k} = Wx.row(k) and
// [W_h*]_{:j} = Wh.row(j) (see WeightChoice.h).
namespace folkrnn::analysis {

// [n_in, H]: cos(w_k + b, r_j); 0 where either vector is zero.
RowMatrixXd inputRecurrentCosines(const LstmLayer &layer, Gate gate);

struct Histogram {
    double lo = -1, hi = 1;
    std::vector<long long> counts; // bin b holds [lo + b w, lo + (b+1) w), the last one closed
    double binWidth() const { return counts.empty() ? 0.0 : (hi - lo) / double(counts.size()); }
};

// numpy.histogram(values, bins, range=(lo, hi)): values outside [lo, hi] and NaN are not counted.
// Throws std::invalid_argument for bins < 1 or !(lo < hi).
Histogram histogram(const Eigen::Ref<const RowMatrixXd> &values, int bins, double lo = -1.0, double hi = 1.0);

} // namespace folkrnn::analysis

#include "core/analysis/SortedActivations.h"

#include <algorithm>
#include <cmath>

namespace folkrnn::analysis {

void sortActivations(const SignalRef &x, Eigen::Ref<RowMatrixXf> out)
{
    // Rows are contiguous in both (row-major), so each step sorts in place without a buffer.
    out = x;
    for (Eigen::Index t = 0; t < out.rows(); ++t) {
        float *row = out.row(t).data();
        std::sort(row, row + out.cols());
    }
}

RowMatrixXf sortedActivations(const SignalRef &x)
{
    RowMatrixXf out(x.rows(), x.cols());
    sortActivations(x, out);
    return out;
}

// small_t = #{u : |x_t[u]| < small} / H,  large_t = #{u : |x_t[u]| > large} / H;
// overall = mean over t (every step has H units, so this is the fraction over all T*H values).
Sparsity sparsity(const SignalRef &x, const SparsitySettings &settings)
{
    const Eigen::Index T = x.rows(), H = x.cols();
    Sparsity s;
    s.smallFraction.resize(T);
    s.largeFraction.resize(T);
    for (Eigen::Index t = 0; t < T; ++t) {
        Eigen::Index nSmall = 0, nLarge = 0;
        for (Eigen::Index u = 0; u < H; ++u) {
            const double a = std::abs(double(x(t, u)));
            nSmall += a < settings.small;
            nLarge += a > settings.large;
        }
        s.smallFraction[t] = H ? double(nSmall) / double(H) : 0.0;
        s.largeFraction[t] = H ? double(nLarge) / double(H) : 0.0;
    }
    if (T > 0) {
        s.overallSmall = s.smallFraction.mean();
        s.overallLarge = s.largeFraction.mean();
        s.meanLargeCount = s.overallLarge * double(H);
    }
    return s;
}

} // namespace folkrnn::analysis

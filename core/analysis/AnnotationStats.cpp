#include "core/analysis/AnnotationStats.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace folkrnn::analysis {

AnnotationStatsAccumulator::AnnotationStatsAccumulator(AnnotationTrack track, int units)
    : track_(track), units_(units), sumSquares_(Eigen::VectorXd::Zero(units))
{
}

void AnnotationStatsAccumulator::add(const SignalRef &x, const AnnotationTracks &tracks)
{
    if (x.rows() != tracks.steps())
        throw std::invalid_argument("annotation statistics: the signal has " + std::to_string(x.rows()) +
                                    " steps but the annotations " + std::to_string(tracks.steps()));
    if (x.cols() != units_)
        throw std::invalid_argument("annotation statistics: the signal has " + std::to_string(x.cols()) +
                                    " units, expected " + std::to_string(units_));
    for (Eigen::Index t = 0; t < x.rows(); ++t) {
        const int v = annotationValue(tracks, track_, static_cast<int>(t));
        if (v == kNoAnnotation)
            continue;
        auto [it, inserted] = rowOf_.try_emplace(v, sum_.size());
        if (inserted) {
            sum_.push_back(Eigen::VectorXd::Zero(units_));
            count_.push_back(0);
        }
        const Eigen::VectorXd row = x.row(t).transpose().cast<double>();
        sum_[it->second] += row;
        ++count_[it->second];
        sumSquares_ += row.cwiseAbs2();
    }
}

void AnnotationStatsAccumulator::merge(const AnnotationStatsAccumulator &other)
{
    if (other.track_ != track_ || other.units_ != units_)
        throw std::invalid_argument("annotation statistics: merging statistics of another track or size");
    for (const auto &[v, row] : other.rowOf_) {
        auto [it, inserted] = rowOf_.try_emplace(v, sum_.size());
        if (inserted) {
            sum_.push_back(Eigen::VectorXd::Zero(units_));
            count_.push_back(0);
        }
        sum_[it->second] += other.sum_[row];
        count_[it->second] += other.count_[row];
    }
    sumSquares_ += other.sumSquares_;
}

AnnotationStats AnnotationStatsAccumulator::result() const
{
    AnnotationStats s;
    s.track = track_;
    const auto K = static_cast<Eigen::Index>(rowOf_.size());
    s.mean = RowMatrixXd::Zero(K, units_);
    s.overall = Eigen::VectorXd::Zero(units_);
    Eigen::Index k = 0;
    for (const auto &[v, row] : rowOf_) { // std::map: ascending values
        s.values.push_back(v);
        s.count.push_back(count_[row]);
        s.mean.row(k++) = sum_[row].transpose() / double(count_[row]);
        s.overall += sum_[row];
        s.steps += count_[row];
    }
    s.eta2 = Eigen::VectorXd::Constant(units_, std::numeric_limits<double>::quiet_NaN());
    if (s.steps == 0)
        return s;
    const double n = double(s.steps);
    s.overall /= n;
    // Total sum of squares about the mean, and the part between the values' means.
    const Eigen::VectorXd total = sumSquares_ - n * s.overall.cwiseAbs2();
    Eigen::VectorXd between = Eigen::VectorXd::Zero(units_);
    for (Eigen::Index r = 0; r < K; ++r)
        between += double(s.count[static_cast<std::size_t>(r)]) * (s.mean.row(r).transpose() - s.overall).cwiseAbs2();
    for (int u = 0; u < units_; ++u) {
        // A constant unit's total is rounding noise around 0: no variance to explain.
        const double scale = std::max(1.0, sumSquares_[u]);
        if (total[u] > 1e-12 * scale)
            s.eta2[u] = std::min(1.0, std::max(0.0, between[u] / total[u]));
    }
    return s;
}

AnnotationStats annotationStats(const SignalRef &x, const AnnotationTracks &tracks, AnnotationTrack track)
{
    AnnotationStatsAccumulator acc(track, static_cast<int>(x.cols()));
    acc.add(x, tracks);
    return acc.result();
}

} // namespace folkrnn::analysis

#pragma once
#include "core/analysis/AnnotationKey.h"
#include "core/analysis/Arrays.h"

#include <map>
#include <vector>

// Unit statistics per annotation value: the mean of each unit's activation over the steps where a
// track has each value (mean h by position in the bar, by token category...), and how much of the
// unit's variance the track explains.
//
// For a track with values v, over the steps S where the track has a value (n = |S|):
//   mean[v][u]  = (1 / n_v) sum_{t in S, value(t) = v} x_t[u]
//   overall[u]  = (1 / n) sum_{t in S} x_t[u]
//   eta2[u]     = sum_v n_v (mean[v][u] - overall[u])^2 / sum_{t in S} (x_t[u] - overall[u])^2
// eta2 (the correlation ratio squared, in [0, 1]) is the fraction of the unit's variance over S
// that the track's value accounts for: 1 for a unit that is a function of the bar position, 0 for
// one whose mean is the same at every position. NaN where the unit is constant over S.
namespace folkrnn::analysis {

struct AnnotationStats {
    AnnotationTrack track = AnnotationTrack::BarPosition;
    std::vector<int> values;      // [K] the values seen, ascending
    std::vector<long long> count; // [K] steps with each value
    RowMatrixXd mean;             // [K, H]
    Eigen::VectorXd overall;      // [H]
    Eigen::VectorXd eta2;         // [H]
    long long steps = 0;          // n
};

// Sums over many runs (a corpus); result() gives the statistics of all steps added so far, as if
// they came from one run. Adding in a fixed order gives bit-identical results.
class AnnotationStatsAccumulator {
public:
    AnnotationStatsAccumulator(AnnotationTrack track, int units);

    // x [T, H] and the tracks of the same run (T steps).
    void add(const SignalRef &x, const AnnotationTracks &tracks);
    void merge(const AnnotationStatsAccumulator &other);
    AnnotationStats result() const;
    AnnotationTrack track() const { return track_; }

private:
    AnnotationTrack track_;
    int units_;
    std::map<int, std::size_t> rowOf_;  // value -> row of sum_
    std::vector<Eigen::VectorXd> sum_;  // per value: sum of x
    std::vector<long long> count_;
    Eigen::VectorXd sumSquares_;        // sum of x^2 over S
};

// Statistics of one run. Throws std::invalid_argument when x and the tracks differ in length.
AnnotationStats annotationStats(const SignalRef &x, const AnnotationTracks &tracks, AnnotationTrack track);

} // namespace folkrnn::analysis

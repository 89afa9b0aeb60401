#pragma once
#include "core/analysis/Arrays.h"

#include <cstdint>
#include <span>
#include <vector>

// LSTMVis's pattern query (Strobelt et al., "LSTMVis", 2018) for one run: the user brushes a range
// of steps [a, b] where units should be on, says how many steps before and after must be off, and
// gets the units that do exactly that, ranked; the inverse finds the steps where given units do it.
//
// The pattern of length L = b - a + 1 matches unit u with its range starting at step s when
//   x_t[u] >= threshold  for every t in [s, s + L - 1]                  ("on", the whole range),
//   x_t[u] <  threshold  for every t in [s - before, s - 1]             ("off" before),
//   x_t[u] <  threshold  for every t in [s + L, s + L - 1 + after]      ("off" after),
// the on range lying inside the run; off steps that would fall outside the run are not required
// (a pattern at the first step needs nothing before it). With `below`, on means
// x_t[u] <= threshold and off x_t[u] > threshold (units that dip instead of spike).
//
// Score (ranking, highest first; ties: lower unit first):
//   score = mean_{t in range} x_t[u] - max_{t in off steps} x_t[u]
// the margin by which the unit stands above its surroundings; with no off steps (before = after =
// 0, or both windows outside the run) the threshold stands in for the maximum. With `below` the
// score is min_{off} x - mean_{range} x (again the margin, positive).
namespace folkrnn::analysis {

struct PatternSpec {
    int length = 1;
    int before = 1;
    int after = 1;
    double threshold = 0.5;
    bool below = false;
    bool operator==(const PatternSpec &) const = default;
};

struct UnitPatternScore {
    int unit = 0;
    double score = 0;
    double meanInside = 0;  // mean of x over the range
    double outside = 0;     // max (min with `below`) of x over the off steps; NaN when there are none
};

// Units whose pattern matches with its range at [first, last] (the spec's length is replaced by
// last - first + 1), ranked by score. Throws std::invalid_argument for a range outside the run,
// first > last, negative before/after or a threshold that is not finite.
std::vector<UnitPatternScore> unitsMatchingPattern(const SignalRef &x, int first, int last, const PatternSpec &spec);

// Score of one unit for the range starting at `first` (matching or not).
UnitPatternScore patternScore(const SignalRef &x, int unit, int first, const PatternSpec &spec);

// match(s, u) = 1 when the pattern matches unit u with its range starting at step s; [T, H].
using MatchMatrix = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
MatchMatrix patternMatches(const SignalRef &x, const PatternSpec &spec);

struct PatternOccurrence {
    int first = 0;
    int last = 0;
    double score = 0; // the smallest of the units' scores there
};

// The inverse: every range [s, s + L - 1] where all `units` match the pattern, in step order.
// Throws std::invalid_argument for an empty unit list, a unit outside 0..H-1 or a bad spec.
std::vector<PatternOccurrence> findPattern(const SignalRef &x, std::span<const int> units, const PatternSpec &spec);

// Throws std::invalid_argument for length < 1, negative before/after or a threshold that is not finite.
void validatePatternSpec(const PatternSpec &spec);

} // namespace folkrnn::analysis

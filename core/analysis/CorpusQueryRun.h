#pragma once
#include "core/analysis/CorpusQuery.h"

// One run's share of a corpus query (CorpusQuery.h): counts and sums that add up over runs, so
// that runs can be analysed on worker threads and merged in run order on the calling thread.
namespace folkrnn::analysis {

struct CorpusRunTally {
    int steps = 0;
    // Per target k: target steps (with t - lag inside the run), and the other steps.
    std::vector<long long> targets, others;
    // Per (unit i, target k), at i * K + k; unit i = units.size() is the joint pattern.
    std::vector<long long> hits, matchesOnTarget;
    std::vector<double> sumAtTargets, sumElsewhere;
    std::vector<long long> matches; // per unit (joint last)
    long long recurrenceCount = 0;
    std::vector<PatternRecurrence> recurrences;
    std::vector<long long> recurrenceTokens; // [V]
    std::vector<std::vector<AnnotationStatsAccumulator>> stats; // [track][layer]

    CorpusRunTally(std::size_t units, std::size_t targets, int vocabSize);
    void merge(const CorpusRunTally &other, int maxRecurrences);
};

// Tallies one recorded run (with signals) for `units` and `pattern`; `runIndex` labels its
// recurrences. Keeps at most `maxRecurrences` recurrences with their context (counts them all).
CorpusRunTally tallyRun(const Run &run, int runIndex, const std::vector<QueryUnit> &units, const PatternSpec &pattern,
                        const CorpusQuerySettings &settings);

} // namespace folkrnn::analysis

#pragma once
#include "core/analysis/AnnotationStats.h"
#include "core/analysis/PatternQuery.h"
#include "core/sim/Generator.h"

#include <compare>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

// The pattern query over many runs: N tunes sampled for a seed range, or a token corpus traced
// teacher-forced, each recorded with its signals (one at a time per thread, never all at once).
// It answers "where does this pattern recur, and what is the music doing there?": per unit, the
// fraction of the target steps (bar lines by default, or any token, category or annotation value)
// at which the unit's pattern is on -- "unit 156 spikes before 93% of bar lines in 500 tunes" --
// the fraction of its matches that are at a target, and the steps where all the units match
// together with their annotation context. Optionally, unit statistics per annotation value over
// the whole corpus (AnnotationStats.h).
//
// Alignment: step t yields token(t), so the state x_t is the state just before token(t) is
// emitted. A target step t counts as "preceded by" unit u's pattern when step t - lag lies inside
// one of the unit's matches (lag 0: the spike is in the state from which the target token is
// drawn, as part 5 of the posts plots h_t against token(t); lag 1: one step earlier).
namespace folkrnn::analysis {

struct QueryUnit {
    int layer = 0; // from 0
    int unit = 0;
    auto operator<=>(const QueryUnit &) const = default;
};

// The runs of a corpus query.
struct CorpusSpec {
    std::vector<std::vector<int>> tunes;  // non-empty: teacher-forced over these token ids
    std::vector<std::string> tuneNames;   // "FILE:LINE" of each tune, for reports
    std::uint32_t firstSeed = 1;          // otherwise: sampled, seeds firstSeed .. firstSeed+seedCount-1,
    int seedCount = 0;                    // each from RandomState(seed) as folk-rnn's sampler
    double temperature = 1.0;
    std::vector<int> prime;
    int maxLength = 1000;

    int runs() const;
    GenerationSettings settings(int run) const;
    std::string runName(int run) const; // "seed 42" or the tune's name
};

// Every tune of a folk-rnn token corpus file, each followed by </s> (as `folkrnn-cli trace --tune`
// does). Throws InputError naming the file (and line) for a bad file or a token the model lacks.
CorpusSpec corpusFromTokenFile(const Model &model, const std::string &path);

struct CorpusQuerySettings {
    Signal signal = Signal::H;
    PatternSpec pattern;
    // The units followed. When empty, they are defined on the first run: the units whose pattern
    // matches steps [defineFirst, defineLast] of layer `defineLayer` (unitsMatchingPattern), and
    // the pattern's length becomes defineLast - defineFirst + 1.
    std::vector<QueryUnit> units;
    int defineLayer = 0;
    int defineFirst = 0;
    int defineLast = 0;
    std::vector<AnnotationKey> targets{AnnotationKey{AnnotationTrack::BarLine, 1}};
    int lag = 0;
    std::vector<AnnotationTrack> statsTracks; // statistics of every unit of every layer of `signal`
    int maxRecurrences = 20000;               // joint matches kept with their context (all are counted)
    int threads = 1;                          // 0: one per core
};

// How one unit's pattern lines up with one target over the corpus.
struct UnitTargetStats {
    QueryUnit unit;             // layer -1, unit -1: all the units together (the joint pattern)
    int target = 0;             // index into CorpusQuerySettings::targets
    long long targets = 0;      // target steps t with t - lag inside the run
    long long hits = 0;         // ... whose step t - lag lies in a match ("preceded by the pattern")
    long long matches = 0;      // matches of the pattern (ranges)
    long long matchesOnTarget = 0; // matches whose range holds t - lag of some target step t
    double recall = 0;          // hits / targets
    double precision = 0;       // matchesOnTarget / matches
    double f1 = 0;              // 2 recall precision / (recall + precision); the ranking key
    double meanAtTargets = 0;   // mean x_{t-lag}[u] over target steps t (NaN for the joint row)
    double meanElsewhere = 0;   // mean x_s[u] over the other steps
};

// A joint match (every unit matching together) and where in the music it is: the annotations of
// the anchor step `last + lag`, the step whose token the pattern precedes (-1 past the run's end).
struct PatternRecurrence {
    int run = 0;
    int first = 0;
    int last = 0;
    double score = 0;
    int anchor = -1;
    int token = -1;
    int barPosition = -1;
    double barTime = 0;
    int bar = -1;
    int part = 0;
    int ending = 0;
    bool inRepeat = false;
};

struct CorpusQueryResult {
    int runs = 0;          // runs processed
    int runsPlanned = 0;
    long long steps = 0;
    bool cancelled = false;
    PatternSpec pattern;   // as used (length set from the defining range)
    std::vector<QueryUnit> units;
    std::vector<UnitPatternScore> definingScores; // the defining query on the first run, ranked
    // Per target, the units ranked by f1 (ties: recall, then layer and unit), the joint row last.
    std::vector<UnitTargetStats> unitStats;
    long long recurrenceCount = 0;
    std::vector<PatternRecurrence> recurrences; // the first maxRecurrences, in run and step order
    std::vector<long long> recurrenceTokens;    // [V] anchor tokens of every joint match
    std::vector<std::vector<AnnotationStats>> stats; // [statsTracks][layer]
};

// Called from the calling thread after each run is merged, with the runs done and planned;
// returning false cancels (the result then holds the runs merged so far, cancelled = true).
using CorpusProgress = std::function<bool(int done, int total)>;

// Throws InputError for settings the model cannot honour (a layer or unit it lacks, a defining
// range outside the first run) and std::invalid_argument for a bad pattern.
CorpusQueryResult runCorpusQuery(std::shared_ptr<const Model> model, const CorpusSpec &corpus,
                                 const CorpusQuerySettings &settings, const CorpusProgress &progress = {});

} // namespace folkrnn::analysis

#pragma once
#include "core/compare/MeasureLengths.h"

#include <vector>

namespace folkrnn {

class Run;

// The untouched (baseline) run next to the intervened one, step by step.
//
// Step t of each run is the distribution its token t was taken from (Run.h). KL at step t is
// KL(p_base,t || p_int,t) = sum_v p_base,t(v) (log p_base,t(v) - log p_int,t(v)) in nats, from
// the recorded log-probabilities; terms with p_base = 0 count 0, a token the baseline can take
// but the intervened run cannot makes it +inf. It is defined for the steps both runs have. In
// sampling mode the runs may take different tokens from some step on; after that their
// distributions follow different histories, and the KL says how far apart the two models'
// states are, not what a single intervention did to one context. In teacher-forced mode both
// consume the same tune, so every step compares like with like.
struct RunComparison {
    int baselineSteps = 0;
    int intervenedSteps = 0;
    std::vector<double> kl;         // [min(steps)] nats
    std::vector<char> differs;      // [max(steps)] 1 where the tokens differ or one run has no step t
    int differingTokens = 0;        // sum of differs
    int firstDifference = -1;       // the first differing step, -1 when the token sequences agree
    double meanKl = 0.0;            // over the compared steps (0 when none)
    double maxKl = 0.0;
    // The tunes (tokens up to </s>, excluded) as folk-rnn prints them, with their measures.
    MeasureSummary baselineMeasures, intervenedMeasures;
    std::vector<Measure> baselineBars, intervenedBars;
};

// Throws std::invalid_argument when the runs' vocabularies differ in size.
RunComparison compareRuns(const Run &baseline, const Run &intervened);

// KL(p || q) in nats from two log-probability vectors of one length (see RunComparison).
double klDivergence(const double *logP, const double *logQ, int n);

// The tune of a run as token text: what followed <s> up to and excluding </s>.
std::vector<std::string> tuneText(const Run &run);

} // namespace folkrnn

#pragma once
#include <string>
#include <vector>

// Measure lengths of a folk-rnn tune: how many tokens and how much music lie between bar lines.
// The rules are those the training script's checkpoint selection uses (train_folkrnn.py,
// bar_lengths / regular), so "regular bars" means the same thing in the model's README, the
// comparison view and the ablation experiment.
namespace folkrnn {

// A bar line token: "|", "||", "|:", ":|", "::".
bool isBarLine(const std::string &token);

// One measure: the tokens after a bar line (or the tune's start) up to the next bar line.
struct Measure {
    int firstStep = 0;     // index of its first token in the tune (the run's step)
    int tokens = 0;        // tokens in it, bar lines excluded
    double eighths = 0.0;  // musical length in eighth notes (L:1/8)
    double expected = 0.0; // the meter's bar length in eighths (NaN when the meter is unknown)
    bool checked = false;  // between two plain "|" with no ending: pickups and split bars are legal
    bool full() const;     // checked and of the meter's length (to 1e-6)
};

// Measures of `tune` (meter token, mode token, body; no <s> or </s>). Musical length: a note or
// rest counts 1 eighth, times a following duration token ("2", "/2", "3/2"...); "(3" and "(4"
// scale the next 3 or 4 notes by 2/3 and 3/4; a chord counts its first note only; an inline
// "M:" changes the expected length. Measures with no music (length 0) are not listed, as in
// the training script; `firstStep` counts from the tune's first token (the meter).
std::vector<Measure> measureLengths(const std::vector<std::string> &tune);

// What the experiment reports per tune.
struct MeasureSummary {
    int barLines = 0;         // bar line tokens in the tune
    int measures = 0;         // measures with music
    int checked = 0;          // measures checked against the meter
    int irregular = 0;        // checked measures not of the meter's length
    bool regular = false;     // starts with M:, >= 3 measures and no irregular checked measure
    std::vector<int> tokenCounts; // tokens per measure, in order
};
MeasureSummary summarizeMeasures(const std::vector<std::string> &tune);

} // namespace folkrnn

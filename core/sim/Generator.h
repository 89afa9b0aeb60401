#pragma once
#include "core/sim/Simulator.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace folkrnn {

// How a tune is made: sampled from a seed (after an optional prime) or teacher-forced over a
// given tune.
struct GenerationSettings {
    std::uint32_t seed = 42;
    double temperature = 1.0;
    std::vector<int> prime;     // tokens taken before sampling starts (after <s>)
    int maxLength = 1000;       // steps at most, </s> included
    std::vector<int> forcedTune; // non-empty: teacher-forced mode over these tokens (</s> optional)

    bool teacherForced() const { return !forcedTune.empty(); }
    bool operator==(const GenerationSettings &) const = default;
};

// Upper bound on maxLength: a trace this long already takes gigabytes for a 3x512 model.
inline constexpr int kMaxSteps = 100000;

// Throws InputError for values the sampler cannot honour (temperature <= 0 or not finite,
// maxLength outside 1..kMaxSteps, prime/tune token ids outside the vocabulary).
void validateSettings(const GenerationSettings &settings, const Model &model);

// The original sampler's loop as a stepper: a Simulator, its settings and the RNG stream.
// Stepping back restores the exact state, so stepping forward again gives the same token.
class Generator {
public:
    Generator(std::shared_ptr<const Model> model, GenerationSettings settings, bool recordSignals = true);

    const GenerationSettings &settings() const { return settings_; }
    const Run &run() const { return sim_.run(); }
    Simulator &simulator() { return sim_; }
    const Simulator &simulator() const { return sim_; }
    Sampler &sampler() { return sampler_; }

    bool finished() const;
    int stepForward();  // the token taken
    void stepBack();
    // Steps until finished; `progress(step)` returning false cancels. Returns false when cancelled.
    bool runToEnd(const std::function<bool(int)> &progress = {});
    // Re-runs from the first step `interventions` can change, keeping the RNG stream: steps
    // before it are kept as recorded, later steps are recomputed up to the previous length or
    // to the end.
    void setInterventions(InterventionSet set);
    // The same without the re-run: the run is cut back to the first step either set can change
    // (returned), for a caller that re-runs elsewhere (the inspector's background thread).
    int replaceInterventions(InterventionSet set);
    // Teacher-forced mode only: runs up to `target` steps (or the end) layer by layer
    // (Simulator::stepForcedLayerwise); false when it did not (not teacher-forced, cancelled, or
    // step by step is the faster), leaving the run as it was.
    bool runForcedLayerwise(int target, const std::atomic<bool> &cancel);
    // Back to step 0 of this tune, the RNG rewound to where this tune started.
    void restartTune();
    // Starts the next tune from the current RNG position (the original sampler's ntunes loop).
    void startNextTune();

private:
    std::shared_ptr<const Model> model_;
    GenerationSettings settings_;
    Simulator sim_;
    Sampler sampler_;
    std::uint64_t tuneStartDraws_ = 0;
};

// The tokens of a tune as folk-rnn prints them: what followed <s>, prime included, up to and
// excluding </s>.
std::vector<int> tuneTokens(const Run &run, int endToken);

} // namespace folkrnn

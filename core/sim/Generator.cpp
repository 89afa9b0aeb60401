#include "core/sim/Generator.h"

#include "core/util/Error.h"
#include "core/util/MemoryBudget.h"

#include <cmath>

namespace folkrnn {

void validateSettings(const GenerationSettings &s, const Model &model)
{
    if (!std::isfinite(s.temperature) || s.temperature <= 0.0)
        throw InputError("temperature", "must be a positive number (got " + std::to_string(s.temperature) + ")");
    if (s.maxLength < 1 || s.maxLength > kMaxSteps)
        throw InputError("max length", "must be between 1 and " + std::to_string(kMaxSteps) + " steps (got " +
                                           std::to_string(s.maxLength) + ")");
    const auto check = [&](const std::vector<int> &tokens, const char *what) {
        for (int t : tokens)
            if (t < 0 || t >= model.vocabSize())
                throw InputError(what, "token id " + std::to_string(t) + " is outside the vocabulary");
    };
    check(s.prime, "prime");
    check(s.forcedTune, "tune");
    if (s.forcedTune.size() > static_cast<std::size_t>(kMaxSteps))
        throw InputError("tune", "has " + std::to_string(s.forcedTune.size()) + " tokens; at most " +
                                     std::to_string(kMaxSteps) + " can be traced");
}

namespace {

// What `steps` steps of a run keep, at most: logits and log-probabilities (double, per token), the
// signals h c i f o g of every layer (float) when recorded, and the simulator's undo snapshot
// (h and c of every layer, double).
std::uint64_t traceBytes(const Model &model, int steps, bool recordSignals)
{
    const std::uint64_t L = static_cast<std::uint64_t>(model.numLayers());
    const std::uint64_t H = static_cast<std::uint64_t>(model.hiddenSize());
    const std::uint64_t V = static_cast<std::uint64_t>(model.vocabSize());
    std::uint64_t perStep = 2 * V * sizeof(double) + 2 * L * H * sizeof(double) + 16;
    if (recordSignals)
        perStep += static_cast<std::uint64_t>(kSignalCount) * L * H * sizeof(float);
    return saturatingMultiply(perStep, static_cast<std::uint64_t>(steps));
}

} // namespace

Generator::Generator(std::shared_ptr<const Model> model, GenerationSettings settings, bool recordSignals)
    : model_(std::move(model)), settings_(std::move(settings)), sim_(model_, recordSignals), sampler_(settings_.seed)
{
    validateSettings(settings_, *model_);
    // Refused now rather than killed for memory hours into a long run.
    requireMemory(traceBytes(*model_, settings_.maxLength, recordSignals), "max length",
                  "a trace of " + std::to_string(settings_.maxLength) + " steps of this model");
    sim_.setTemperature(settings_.temperature);
}

bool Generator::finished() const
{
    const int t = sim_.steps();
    if (t >= settings_.maxLength || sim_.ended())
        return true;
    return settings_.teacherForced() && t >= static_cast<int>(settings_.forcedTune.size());
}

int Generator::stepForward()
{
    if (finished())
        return -1;
    const auto t = static_cast<std::size_t>(sim_.steps());
    if (settings_.teacherForced())
        return sim_.step(settings_.forcedTune[t], &sampler_);
    if (t < settings_.prime.size())
        return sim_.step(settings_.prime[t], &sampler_);
    return sim_.step(-1, &sampler_);
}

void Generator::stepBack() { sim_.undo(&sampler_); }

bool Generator::runToEnd(const std::function<bool(int)> &progress)
{
    while (!finished()) {
        stepForward();
        if (progress && !progress(sim_.steps()))
            return false;
    }
    return true;
}

void Generator::setInterventions(InterventionSet set)
{
    const int length = sim_.steps();
    const bool wasFinished = finished();
    if (replaceInterventions(std::move(set)) >= length)
        return;
    while (!finished() && (wasFinished || sim_.steps() < length))
        stepForward();
}

bool Generator::runForcedLayerwise(int target, const std::atomic<bool> &cancel)
{
    if (!settings_.teacherForced())
        return false;
    return sim_.stepForcedLayerwise(settings_.forcedTune, std::min(target, settings_.maxLength), &sampler_, cancel);
}

int Generator::replaceInterventions(InterventionSet set)
{
    return sim_.replaceInterventions(std::move(set), &sampler_);
}

void Generator::restartTune()
{
    sim_.reset();
    sampler_.rewindTo(tuneStartDraws_);
}

void Generator::startNextTune()
{
    sim_.reset();
    tuneStartDraws_ = sampler_.draws();
}

std::vector<int> tuneTokens(const Run &run, int endToken)
{
    std::vector<int> out;
    for (int t = 0; t < run.steps(); ++t) {
        if (run.token(t) == endToken)
            break;
        out.push_back(run.token(t));
    }
    return out;
}

} // namespace folkrnn

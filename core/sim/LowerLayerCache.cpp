#include "core/sim/LowerLayerCache.h"

#include <algorithm>

namespace folkrnn {

namespace {

std::vector<Intervention> enabledBelow(const InterventionSet &set, int layer)
{
    std::vector<Intervention> out;
    for (const Intervention &i : set.items)
        if (i.enabled && i.layer < layer)
            out.push_back(i);
    return out;
}

} // namespace

int LowerLayerCache::unchangedLayers(const InterventionSet &a, const InterventionSet &b, int layers)
{
    int k = 0;
    while (k < layers && enabledBelow(a, k + 1) == enabledBelow(b, k + 1))
        ++k;
    return k;
}

void LowerLayerCache::clear()
{
    // Freed, not only emptied: a 1,000-step run keeps tens of megabytes here.
    for (auto *v : {&inputs_, &spareInputs_})
        std::vector<int>().swap(*v);
    for (auto *v : {&states_, &spareStates_})
        std::vector<double>().swap(*v);
    for (auto *v : {&signals_, &spareSignals_})
        std::vector<float>().swap(*v);
    layers_ = 0;
}

void LowerLayerCache::keep(const Run &run, int from, const StateAfter &stateAfter, int layers)
{
    const int steps = run.steps();
    const int H = run.hiddenSize();
    const int first = std::clamp(from, 0, steps);
    // What the cache holds past the run's end continues the run only if the steps since it was
    // kept consumed its inputs (they did, or it would have been dropped; checked all the same).
    bool extend = !empty() && hidden_ == H && first_ <= steps && end() > steps;
    for (int t = std::max(first_, first); extend && t < steps; ++t)
        extend = inputs_[static_cast<std::size_t>(t - first_)] == run.input(t);
    const int kept = std::min(extend ? std::min(layers, layers_) : layers, run.numLayers());
    const int stop = extend ? end() : steps;
    if (kept <= 0 || first >= stop) {
        clear();
        return;
    }
    const bool withSignals = run.hasSignals() && (!extend || hasSignals());
    const std::size_t stateSize = static_cast<std::size_t>(2 * kept * H);
    const std::size_t signalSize = static_cast<std::size_t>(kSignalCount * kept * H);
    const auto count = static_cast<std::size_t>(stop - first);
    // Built in the spare buffers, which keep their capacity: a slider drag re-keeps the run for
    // every value, and fresh allocations would fault in their pages each time.
    std::vector<int> &inputs = spareInputs_;
    std::vector<double> &states = spareStates_;
    std::vector<float> &signals = spareSignals_;
    inputs.clear();
    states.clear();
    signals.clear();
    inputs.reserve(count);
    states.reserve(count * stateSize);
    if (withSignals)
        signals.reserve(count * signalSize);
    for (int t = first; t < steps; ++t) {
        inputs.push_back(run.input(t));
        const double *state = stateAfter(t);
        states.insert(states.end(), state, state + stateSize);
        if (withSignals)
            for (int l = 0; l < kept; ++l)
                for (Signal s : kSignals) {
                    const auto values = run.signal(t, l, s);
                    signals.insert(signals.end(), values.data(), values.data() + H);
                }
    }
    // The old entries keep their layout; the first `kept` layers of each are a prefix of it.
    for (int t = std::max(first, steps); extend && t < stop; ++t) {
        const auto k = static_cast<std::size_t>(t - first_);
        inputs.push_back(inputs_[k]);
        const double *state = states_.data() + k * stateStride();
        states.insert(states.end(), state, state + stateSize);
        if (withSignals) {
            const float *sig = signals_.data() + k * signalStride();
            signals.insert(signals.end(), sig, sig + signalSize);
        }
    }
    first_ = first;
    layers_ = kept;
    hidden_ = H;
    inputs_.swap(inputs);
    states_.swap(states);
    signals_.swap(signals);
}

int LowerLayerCache::reusable(int t, int input)
{
    if (empty() || t < first_)
        return 0;
    if (t >= end() || inputs_[static_cast<std::size_t>(t - first_)] != input) {
        clear();
        return 0;
    }
    return layers_;
}

std::vector<int> LowerLayerCache::reusableRange(int first, const std::vector<int> &inputs) const
{
    std::vector<int> out(inputs.size(), 0);
    if (empty() || first < first_)
        return out;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
        const int t = first + static_cast<int>(k);
        if (t >= end() || inputs_[static_cast<std::size_t>(t - first_)] != inputs[k])
            break;
        out[k] = layers_;
    }
    return out;
}

Eigen::Map<const Eigen::VectorXd> LowerLayerCache::h(int t, int layer) const
{
    const std::size_t at = static_cast<std::size_t>(t - first_) * stateStride() + static_cast<std::size_t>(2 * layer * hidden_);
    return Eigen::Map<const Eigen::VectorXd>(states_.data() + at, hidden_);
}

Eigen::Map<const Eigen::VectorXd> LowerLayerCache::c(int t, int layer) const
{
    const std::size_t at =
        static_cast<std::size_t>(t - first_) * stateStride() + static_cast<std::size_t>((2 * layer + 1) * hidden_);
    return Eigen::Map<const Eigen::VectorXd>(states_.data() + at, hidden_);
}

const float *LowerLayerCache::signal(int t, int layer, Signal s) const
{
    return signals_.data() + static_cast<std::size_t>(t - first_) * signalStride() +
           static_cast<std::size_t>((layer * kSignalCount + static_cast<int>(s)) * hidden_);
}

} // namespace folkrnn

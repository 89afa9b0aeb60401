#pragma once
#include "core/intervene/Intervention.h"
#include "core/sim/Run.h"

#include <Eigen/Core>
#include <functional>
#include <vector>

namespace folkrnn {

// The layers below an intervention change, kept across the re-run the change causes. Layer l at
// step t depends only on the inputs up to t and on the interventions of layers 0..l, so when a
// change leaves the interventions of layers [0, k) as they were, the re-run takes those layers'
// states and records from the run before it, for as long as its inputs are that run's, and
// computes only layers k and up: a unit clamped in the top layer of a traced tune re-runs one
// layer of three. The kept values are the exact doubles of the earlier run, so a re-run gives
// the same bits as one computed in full.
class LowerLayerCache {
public:
    // How many of the lowest layers have the same interventions in a and b (enabled items, in
    // order: two items on one unit apply in list order).
    static int unchangedLayers(const InterventionSet &a, const InterventionSet &b, int layers);

    // Where state after step t is [h_0, c_0, h_1, c_1, ...] (each [hidden], double).
    using StateAfter = std::function<const double *(int t)>;

    // Keeps layers [0, layers) of the steps [from, run.steps()) of `run` (states from
    // `stateAfter`, records from the run). What the cache already held beyond the run's end (a
    // re-run cut short by the next change) stays, valid for the fewer layers of the two.
    void keep(const Run &run, int from, const StateAfter &stateAfter, int layers);
    void clear();
    bool empty() const { return inputs_.empty(); }

    // How many layers step t, consuming `input`, may take from the cache: 0 where it has none for
    // t, and from the first step whose input differs from the kept run's on (the states part
    // there) the cache is dropped.
    int reusable(int t, int input);
    // As reusable(), for the steps [first, first + inputs.size()) consuming `inputs`, without
    // dropping anything: the layers each may take.
    std::vector<int> reusableRange(int first, const std::vector<int> &inputs) const;
    // After reusable(t, ...) > l: layer l's state after step t, and what the run recorded for it.
    Eigen::Map<const Eigen::VectorXd> h(int t, int layer) const;
    Eigen::Map<const Eigen::VectorXd> c(int t, int layer) const;
    bool hasSignals() const { return !signals_.empty(); }
    const float *signal(int t, int layer, Signal s) const;

private:
    int end() const { return first_ + static_cast<int>(inputs_.size()); }
    std::size_t stateStride() const { return static_cast<std::size_t>(2 * layers_ * hidden_); }
    std::size_t signalStride() const { return static_cast<std::size_t>(kSignalCount * layers_ * hidden_); }

    int first_ = 0;  // step of entry 0
    int layers_ = 0; // layers [0, layers_) kept
    int hidden_ = 0;
    std::vector<int> inputs_;     // the input each kept step consumed
    std::vector<double> states_;  // per step: [h_0, c_0, h_1, c_1, ...] after it
    std::vector<float> signals_;  // per step: layer-major, signal-major [layer][signal][hidden]
    std::vector<int> spareInputs_;
    std::vector<double> spareStates_;
    std::vector<float> spareSignals_;
};

} // namespace folkrnn

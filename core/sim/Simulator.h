#pragma once
#include "core/intervene/Intervention.h"
#include "core/model/Model.h"
#include "core/sim/FusedWeights.h"
#include "core/sim/LowerLayerCache.h"
#include "core/sim/Run.h"
#include "core/sim/Sampler.h"
#include "core/util/SplitBalance.h"

#include <atomic>
#include <memory>
#include <vector>

namespace folkrnn {

// Steps the LSTM one token at a time in double precision and records a Run. Step t consumes
// <s> (t = 0) or the token taken at t-1, and takes either a given token (prime, teacher forcing)
// or one sampled from p_t. Steps can be undone exactly (state and RNG position are kept per step).
class Simulator {
public:
    explicit Simulator(std::shared_ptr<const Model> model, bool recordSignals = true);

    const Model &model() const { return *model_; }
    std::shared_ptr<const Model> sharedModel() const { return model_; }
    const Run &run() const { return run_; }
    int steps() const { return run_.steps(); }
    bool ended() const; // the last token taken was </s>

    void setTemperature(double t) { temperature_ = t; }
    double temperature() const { return temperature_; }
    void setInterventions(InterventionSet set)
    {
        interventions_ = std::move(set);
        lower_.clear();
    }
    // New interventions for the steps still to run: drops the steps from the first one either set
    // acts on (returned) and rewinds the sampler there, keeping the layers below the change for the
    // re-run (LowerLayerCache).
    int replaceInterventions(InterventionSet set, Sampler *sampler);
    const InterventionSet &interventions() const { return interventions_; }

    // Back to h0, c0 with <s> as the next input; the Run is cleared.
    void reset();
    // One step; the token taken is `token` when >= 0, else sampled with `sampler`.
    int step(int token, Sampler *sampler);
    // Teacher-forced steps from steps() on, taking tokens[t] at step t, up to step `upTo` or the
    // first </s> taken, computed layer by layer: every step of layer 1, then of layer 2... (a
    // layer's weights stay warm in the cache over the steps, where a step-wise run streams all
    // layers' through it each step). The same kernels in the same order per value, so the run is
    // bit for bit the one step() would record. When `cancel` turns true the run is left as it was
    // and false is returned; also when the kept lower layers (LowerLayerCache) leave only the top
    // layer to compute, where step() is the faster. Holds T x layers x 6H doubles meanwhile.
    bool stepForcedLayerwise(const std::vector<int> &tokens, int upTo, Sampler *sampler, const std::atomic<bool> &cancel);

    // Drops the last step and restores the state before it (and the sampler's position).
    void undo(Sampler *sampler);
    // Drops steps from `step` on.
    void truncateTo(int step, Sampler *sampler);

    // Layers the last step took from the run before a replaceInterventions (0: it computed all).
    int reusedLayers() const { return reusedLast_; }

    // Probabilities of the last step (the distribution its token was taken from).
    const Eigen::VectorXd &lastProbs() const { return probs_; }

private:
    struct Snapshot {
        Eigen::VectorXd state; // [h_1, c_1, h_2, c_2, ...] before the step
        std::uint64_t draws = 0;
    };
    void saveSnapshot(const Sampler *sampler);
    void restore(int step, Sampler *sampler);
    // The interventions of (step t, layer) on its c and h; `gates` are its [i | f | g | o].
    void intervene(int t, int layer, const Eigen::Ref<const Eigen::VectorXd> &gates, Eigen::Ref<Eigen::VectorXd> c,
                   Eigen::Ref<Eigen::VectorXd> h) const;
    // Records layer `layer` of the step just appended from h_, c_ and `gates`, or as kept (LowerLayerCache).
    void recordLayer(int t, int layer, bool kept, const Eigen::Ref<const Eigen::VectorXd> &gates);

    std::shared_ptr<const Model> model_;
    FusedWeights weights_;
    Run run_;
    InterventionSet interventions_;
    double temperature_ = 1.0;
    std::vector<Eigen::VectorXd> h_, c_, z_;
    Eigen::VectorXd hNext_; // h_t of the layer being stepped, swapped into h_ afterwards
    Eigen::VectorXd zu_;    // the layer's pre-activations, unit-major (FusedLayer's row order)
    Eigen::VectorXd xh_;    // [x ; h_{t-1}] of the layer being stepped
    Eigen::VectorXd x_, logits_, logProbs_, probs_;
    std::vector<Snapshot> history_;
    LowerLayerCache lower_;
    SplitBalance balance_; // where a layer's units are cut between the two cores
    int reusedLast_ = 0;
};

} // namespace folkrnn

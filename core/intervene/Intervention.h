#pragma once
#include <Eigen/Core>

#include <climits>
#include <string>
#include <vector>

namespace folkrnn {

// What an intervention acts on: a unit's hidden state h or its cell state c.
enum class InterventionTarget { Hidden, Cell };
// Clamp sets the value; Scale multiplies it. Ablation is a clamp to 0.
enum class InterventionKind { Clamp, Scale };

// Semantics (exact): at every step t with fromStep <= t <= toStep, after layer `layer` computes its
// state, h_layer[u] := value (or *= value) for each u in `units`; for a cell target c_layer[u] is
// changed before h = o ⊙ tanh(c) is computed. The changed value is what the next layer and the
// next step see. Step 0 consumes <s>. Layers count from 0 here (1 in the CLI and the GUI).
struct Intervention {
    int layer = 0;
    std::vector<int> units;
    InterventionTarget target = InterventionTarget::Hidden;
    InterventionKind kind = InterventionKind::Clamp;
    double value = 0.0;
    int fromStep = 0;
    int toStep = INT_MAX;
    bool enabled = true;

    bool activeAt(int step) const { return enabled && step >= fromStep && step <= toStep; }
    bool operator==(const Intervention &) const = default;
};

class InterventionSet {
public:
    std::vector<Intervention> items;

    bool empty() const;
    // True when some enabled intervention acts on `target` of `layer` at `step`.
    bool touches(int step, int layer, InterventionTarget target) const;
    void apply(int step, int layer, InterventionTarget target, Eigen::Ref<Eigen::VectorXd> state) const;
    // The first step at which this set and `other` can act differently (INT_MAX when never): the
    // enabled items agree up to some position, and only those from there on can make a
    // difference, from the first step any of them acts on. A change re-runs from here.
    int firstDifferingStep(const InterventionSet &other) const;
    // Throws InputError when a layer or unit is outside the model.
    void validate(int layers, int hidden) const;
    bool operator==(const InterventionSet &) const = default;
};

} // namespace folkrnn

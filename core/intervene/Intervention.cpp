#include "core/intervene/Intervention.h"

#include "core/util/Error.h"

#include <algorithm>
#include <cmath>

namespace folkrnn {

bool InterventionSet::empty() const
{
    return std::none_of(items.begin(), items.end(), [](const Intervention &i) { return i.enabled; });
}

bool InterventionSet::touches(int step, int layer, InterventionTarget target) const
{
    return std::any_of(items.begin(), items.end(), [&](const Intervention &i) {
        return i.layer == layer && i.target == target && i.activeAt(step);
    });
}

void InterventionSet::apply(int step, int layer, InterventionTarget target, Eigen::Ref<Eigen::VectorXd> state) const
{
    for (const Intervention &i : items) {
        if (i.layer != layer || i.target != target || !i.activeAt(step))
            continue;
        for (int u : i.units) {
            if (i.kind == InterventionKind::Clamp)
                state[u] = i.value;
            else
                state[u] *= i.value;
        }
    }
}

int InterventionSet::firstDifferingStep(const InterventionSet &other) const
{
    auto enabled = [](const InterventionSet &set) {
        std::vector<const Intervention *> out;
        for (const Intervention &i : set.items)
            if (i.enabled)
                out.push_back(&i);
        return out;
    };
    const auto a = enabled(*this), b = enabled(other);
    std::size_t same = 0;
    while (same < a.size() && same < b.size() && *a[same] == *b[same])
        ++same;
    int first = INT_MAX;
    for (const auto *list : {&a, &b})
        for (std::size_t k = same; k < list->size(); ++k)
            first = std::min(first, (*list)[k]->fromStep);
    return first;
}

void InterventionSet::validate(int layers, int hidden) const
{
    for (const Intervention &i : items) {
        if (i.layer < 0 || i.layer >= layers)
            throw InputError("intervention", "layer " + std::to_string(i.layer + 1) + " does not exist (the model has " +
                                                 std::to_string(layers) + " layers)");
        for (int u : i.units)
            if (u < 0 || u >= hidden)
                throw InputError("intervention", "unit " + std::to_string(u) + " does not exist (layers have " +
                                                     std::to_string(hidden) + " units, numbered from 0)");
        if (!std::isfinite(i.value))
            throw InputError("intervention", "value is not a finite number");
        if (i.fromStep < 0 || i.toStep < i.fromStep)
            throw InputError("intervention", "step range " + std::to_string(i.fromStep) + "-" +
                                                 std::to_string(i.toStep) + " is empty or negative");
    }
}

} // namespace folkrnn

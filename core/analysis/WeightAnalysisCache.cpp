#include "core/analysis/WeightAnalysisCache.h"

#include "core/analysis/GateCosine.h"
#include "core/analysis/Gramian.h"
#include "core/util/Error.h"

namespace folkrnn::analysis {

WeightAnalysisCache::WeightAnalysisCache(std::shared_ptr<const Model> model) : model_(std::move(model)) {}

template <typename T, typename Compute>
std::shared_ptr<const T> WeightAnalysisCache::get(const Key &key, Compute compute)
{
    {
        std::lock_guard lock(mutex_);
        const auto it = results_.find(key);
        if (it != results_.end())
            return std::static_pointer_cast<const T>(it->second);
    }
    // Computed without the lock, so that other results stay readable meanwhile.
    auto value = std::make_shared<const T>(compute());
    std::lock_guard lock(mutex_);
    const auto [it, inserted] = results_.emplace(key, value);
    return std::static_pointer_cast<const T>(it->second);
}

const LstmLayer &WeightAnalysisCache::layer(int layer) const
{
    if (layer < 0 || layer >= model_->numLayers())
        throw InputError("weight analysis", "layer " + std::to_string(layer + 1) + " does not exist (the model has " +
                                                std::to_string(model_->numLayers()) + ")");
    return model_->layers[static_cast<std::size_t>(layer)];
}

std::shared_ptr<const RowMatrixXd> WeightAnalysisCache::gramian(const WeightChoice &choice)
{
    const Eigen::MatrixXf &items = weightItems(*model_, choice); // validates the layer
    const bool softmax = choice.kind == WeightKind::Softmax;
    const Key key{Kind::Gramian, static_cast<int>(choice.kind), softmax ? 0 : choice.layer,
                  softmax ? 0 : static_cast<int>(choice.gate)};
    return get<RowMatrixXd>(key, [&] { return normalisedGramian(items); });
}

std::shared_ptr<const SoftmaxSvd> WeightAnalysisCache::softmaxSvd()
{
    return get<SoftmaxSvd>({Kind::Svd, 0, 0, 0}, [&] { return analysis::softmaxSvd(model_->denseW); });
}

std::shared_ptr<const GateInputSummary> WeightAnalysisCache::gateInputs(int l)
{
    const LstmLayer &lay = layer(l);
    return get<GateInputSummary>({Kind::GateInputs, l, 0, 0}, [&] { return gateInputSummary(lay); });
}

std::shared_ptr<const GateSubspace> WeightAnalysisCache::subspace(int l, Gate gate)
{
    const LstmLayer &lay = layer(l);
    return get<GateSubspace>({Kind::Subspace, l, static_cast<int>(gate), 0}, [&] { return gateSubspace(lay, gate); });
}

std::shared_ptr<const RowMatrixXd> WeightAnalysisCache::inputRecurrentCosines(int l, Gate gate)
{
    const LstmLayer &lay = layer(l);
    return get<RowMatrixXd>({Kind::Cosines, l, static_cast<int>(gate), 0},
                            [&] { return analysis::inputRecurrentCosines(lay, gate); });
}

bool WeightAnalysisCache::hasSubspace(int l, Gate gate) const
{
    std::lock_guard lock(mutex_);
    return results_.count({Kind::Subspace, l, static_cast<int>(gate), 0}) > 0;
}

} // namespace folkrnn::analysis

#include "core/analysis/WeightChoice.h"

#include "core/util/Error.h"

namespace folkrnn::analysis {

namespace {

const LstmLayer &layerOf(const Model &model, int layer)
{
    if (layer < 0 || layer >= model.numLayers())
        throw InputError("weight analysis", "layer " + std::to_string(layer + 1) + " does not exist (the model has " +
                                                std::to_string(model.numLayers()) + ")");
    return model.layers[static_cast<std::size_t>(layer)];
}

} // namespace

const Eigen::MatrixXf &weightItems(const Model &model, const WeightChoice &choice)
{
    switch (choice.kind) {
    case WeightKind::Softmax:
        return model.denseW;
    case WeightKind::Input:
        return layerOf(model, choice.layer).wx(choice.gate);
    case WeightKind::Recurrent:
        return layerOf(model, choice.layer).wh(choice.gate);
    }
    return model.denseW;
}

bool itemsAreTokens(const Model &model, const WeightChoice &choice)
{
    return choice.kind == WeightKind::Input && choice.layer == 0 && !model.embedding;
}

std::string describe(const WeightChoice &choice)
{
    switch (choice.kind) {
    case WeightKind::Softmax:
        return "softmax W";
    case WeightKind::Input:
        return std::string("W_x") + gateSuffix(choice.gate) + " (layer " + std::to_string(choice.layer + 1) + ")";
    case WeightKind::Recurrent:
        return std::string("W_h") + gateSuffix(choice.gate) + " (layer " + std::to_string(choice.layer + 1) + ")";
    }
    return {};
}

} // namespace folkrnn::analysis

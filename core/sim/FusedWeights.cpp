#include "core/sim/FusedWeights.h"

namespace folkrnn {

FusedWeights::FusedWeights(const Model &model) : vocab(model.vocabSize())
{
    if (model.embedding)
        embedding = *model.embedding;
    for (int l = 0; l < model.numLayers(); ++l) {
        const LstmLayer &src = model.layers[static_cast<std::size_t>(l)];
        FusedLayer fl;
        fl.inputSize = static_cast<int>(src.inputSize());
        fl.hidden = static_cast<int>(src.hiddenSize());
        const int H = fl.hidden;
        const bool oneHot = (l == 0 && !model.embedding);
        if (oneHot)
            fl.inputRows.resize(fl.inputSize, 4 * H);
        else
            fl.inputT.resize(4 * H, fl.inputSize);
        fl.recurrentT.resize(4 * H, H);
        fl.bias.resize(4 * H);
        for (Gate g : kGates) {
            const int k = static_cast<int>(g);
            if (oneHot)
                fl.inputRows.middleCols(k * H, H) = src.Wx[k];
            else
                fl.inputT.middleRows(k * H, H) = src.Wx[k].transpose();
            fl.recurrentT.middleRows(k * H, H) = src.Wh[k].transpose();
            fl.bias.segment(k * H, H) = src.b[k].cast<double>();
        }
        fl.h0 = src.h0.cast<double>();
        fl.c0 = src.c0.cast<double>();
        layers.push_back(std::move(fl));
    }
    denseT = model.denseW.transpose();
    denseB = model.denseB.cast<double>();
}

} // namespace folkrnn

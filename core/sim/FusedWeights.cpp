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
        const int H = fl.hidden, n = fl.inputSize;
        fl.oneHotInput = (l == 0 && !model.embedding);
        const int inputCols = fl.oneHotInput ? 0 : n;
        RowMatrixXf unitRows(4 * H, inputCols + H);
        if (fl.oneHotInput)
            fl.inputRows.resize(n, 4 * H);
        fl.bias.resize(4 * H);
        for (Gate g : kGates) {
            const int k = static_cast<int>(g);
            for (int u = 0; u < H; ++u) {
                const int row = 4 * u + k;
                if (fl.oneHotInput)
                    fl.inputRows.col(row) = src.Wx[k].col(u);
                else
                    unitRows.row(row).head(n) = src.Wx[k].col(u).transpose();
                unitRows.row(row).tail(H) = src.Wh[k].col(u).transpose();
                fl.bias[row] = double(src.b[k][u]);
            }
        }
        fl.unitRows = RowGroups(unitRows);
        fl.h0 = src.h0.cast<double>();
        fl.c0 = src.c0.cast<double>();
        layers.push_back(std::move(fl));
    }
    denseT = RowGroups(model.denseW.transpose());
    denseB = model.denseB.cast<double>();
}

} // namespace folkrnn

#pragma once
#include "core/model/Model.h"

#include <random>

// Small random models built in C++ for tests that need no reference implementation.
namespace folkrnn::testsupport {

inline Model randomModel(int layers, int hidden, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> n(0.f, 0.5f);
    auto fill = [&](Eigen::Index r, Eigen::Index c) {
        Eigen::MatrixXf m(r, c);
        for (Eigen::Index k = 0; k < m.size(); ++k)
            m.data()[k] = n(rng);
        return m;
    };
    Model m;
    m.vocabulary = {"<s>", "</s>", "M:4/4", "M:3/4", "K:Cmaj", "K:Cmin", "|", "|:", ":|", "C", "D", "E",
                    "F", "G", "A", "B", "c", "2", "/2", ">", "(3", "z"};
    const int V = m.vocabSize();
    int nIn = V;
    for (int l = 0; l < layers; ++l) {
        LstmLayer layer;
        for (int g = 0; g < 4; ++g) {
            layer.Wx[g] = fill(nIn, hidden);
            layer.Wh[g] = fill(hidden, hidden) / std::sqrt(float(hidden));
            layer.b[g] = fill(hidden, 1);
        }
        layer.h0 = fill(hidden, 1) * 0.2f;
        layer.c0 = fill(hidden, 1) * 0.2f;
        m.layers.push_back(layer);
        nIn = hidden;
    }
    m.denseW = fill(hidden, V);
    m.denseB = fill(V, 1);
    m.denseB[1] += 1.0f; // let tunes end
    m.provenance.name = "random test model";
    m.provenance.source = "tests";
    return m;
}

} // namespace folkrnn::testsupport

// Clamp re-runs (issue 11): a teacher-forced tune of 500 steps re-run after a clamp value change,
// with the clamped unit in each layer, as the slider drives it (Generator::replaceInterventions,
// then the layer-by-layer run, else step by step). The core alone, without the GUI around it:
// test_intervention_gui sliderRerunTime measures the same change up to the views showing it.
#include "core/model/OpenModel.h"
#include "core/sim/Generator.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

using namespace folkrnn;
using Clock = std::chrono::steady_clock;

static double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_rerun MODEL [REPEATS] [STEPS]\n");
        return 2;
    }
    std::shared_ptr<const Model> model;
    try {
        model = std::make_shared<const Model>(openModel(argv[1]));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_rerun: %s\n", e.what());
        return 2;
    }
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10;
    const int steps = argc > 3 ? std::clamp(std::atoi(argv[3]), 1, kMaxSteps) : 500;
    // Any tokens but </s>: the re-run's cost does not depend on which.
    GenerationSettings s;
    s.maxLength = steps;
    std::mt19937 rng(7);
    for (int t = 0; t < steps; ++t) {
        int token = static_cast<int>(rng() % static_cast<unsigned>(model->vocabSize()));
        if (token == model->endToken() || token == model->startToken())
            token = model->tokenIndex("|");
        s.forcedTune.push_back(token);
    }
    const std::atomic<bool> go{false};
    for (int layer = model->numLayers() - 1; layer >= 0; --layer) {
        Generator gen(model, s, true);
        auto clamp = [&](double v) {
            InterventionSet set;
            set.items.push_back({layer, {model->hiddenSize() / 5}, InterventionTarget::Hidden, InterventionKind::Clamp,
                                 v, 0, kMaxSteps, true});
            return set;
        };
        gen.setInterventions(clamp(0.0));
        gen.runToEnd();
        std::vector<double> ms;
        bool layerwise = false;
        for (int r = 0; r < repeats; ++r) {
            const auto start = Clock::now();
            gen.replaceInterventions(clamp(0.1 * (r + 1)));
            layerwise = gen.runForcedLayerwise(steps, go);
            gen.runToEnd();
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        }
        // The float32 weights a step of the re-run reads: the layers from the clamped one up (the
        // first layer's input is a row gather) and the softmax layer.
        const double H = model->hiddenSize();
        double bytes = 4 * H * model->vocabSize();
        for (int l = layer; l < model->numLayers(); ++l)
            bytes += 4 * 4 * H * (H + (l == 0 && !model->embedding ? 0 : model->layers[std::size_t(l)].inputSize()));
        const double med = median(ms);
        std::printf("clamp_rerun_ms layer %d: %.1f median of %d (min %.1f, max %.1f), %d steps, %s, %d layers kept, "
                    "weights read at %.1f GB/s\n",
                    layer + 1, med, repeats, *std::min_element(ms.begin(), ms.end()),
                    *std::max_element(ms.begin(), ms.end()), gen.run().steps(),
                    layerwise ? "layer by layer" : "step by step", gen.simulator().reusedLayers(),
                    bytes * gen.run().steps() / (med * 1e-3) / 1e9);
    }
    return 0;
}

#pragma once
#include "core/intervene/Intervention.h"
#include "core/model/Model.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace folkrnn {

// Many tunes at once, each exactly what the original sampler makes for its own seed: tune i uses
// RandomState(firstSeed + i), starts from h0, c0 and is independent of the others. The tunes of a
// batch step in lockstep so each layer is one matrix product (GEMM) over the batch instead of a
// matrix-vector product per tune; finished tunes hand their slot to the next pending one.
struct BatchSettings {
    std::uint32_t firstSeed = 42;
    int count = 1;
    int batch = 64;   // tunes in flight, over all threads
    int threads = 0;  // 0: one per core
    double temperature = 1.0;
    std::vector<int> prime;
    int maxLength = 1000;
    InterventionSet interventions;
};

struct GeneratedTune {
    std::uint32_t seed = 0;
    std::vector<int> tokens;      // every token taken, </s> included when reached
    std::vector<double> logProbs; // log p of each taken token
    bool ended = false;
};

// `progress(done)` is called (from worker threads, serialised) as tunes finish.
std::vector<GeneratedTune> generateBatched(const Model &model, const BatchSettings &settings,
                                           const std::function<void(int)> &progress = {});

} // namespace folkrnn

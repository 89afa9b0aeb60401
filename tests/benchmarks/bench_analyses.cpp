// Times every core/analysis function on a folk-rnn v2-sized model (3 layers x 512 units, 137
// tokens, random weights) over a 500-step run. Target: under 100 ms each.
//   bench_analyses [--repeat N]      (median of N runs, default 5)
#include "core/analysis/GateCosine.h"
#include "core/analysis/GateInputs.h"
#include "core/analysis/GateSubspace.h"
#include "core/analysis/Gramian.h"
#include "core/analysis/LogitPush.h"
#include "core/analysis/MaxMagnitude.h"
#include "core/analysis/PeriodQuery.h"
#include "core/analysis/SoftmaxSvd.h"
#include "core/analysis/SortedActivations.h"
#include "core/analysis/TokenAssociation.h"
#include "core/analysis/TraceFile.h"
#include "core/analysis/UnitSpectrum.h"
#include "core/analysis/WeightChoice.h"
#include "core/sim/Simulator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace folkrnn;
using namespace folkrnn::analysis;

namespace {

constexpr int kLayers = 3, kHidden = 512, kVocab = 137, kSteps = 500;

std::shared_ptr<const Model> v2SizedModel()
{
    std::mt19937 rng(2016);
    std::normal_distribution<float> n(0.f, 1.f);
    auto fill = [&](Eigen::Index r, Eigen::Index c, float scale) {
        Eigen::MatrixXf m(r, c);
        for (Eigen::Index k = 0; k < m.size(); ++k)
            m.data()[k] = scale * n(rng);
        return m;
    };
    auto m = std::make_shared<Model>();
    m->vocabulary = {"<s>", "</s>", "|"};
    for (int k = 3; k < kVocab; ++k)
        m->vocabulary.push_back("t" + std::to_string(k));
    int nIn = kVocab;
    for (int l = 0; l < kLayers; ++l) {
        LstmLayer layer;
        for (int g = 0; g < 4; ++g) {
            layer.Wx[g] = fill(nIn, kHidden, 0.6f);
            layer.Wh[g] = fill(kHidden, kHidden, 1.5f / std::sqrt(float(kHidden)));
            layer.b[g] = fill(kHidden, 1, 0.3f);
        }
        layer.h0 = Eigen::VectorXf::Zero(kHidden);
        layer.c0 = Eigen::VectorXf::Zero(kHidden);
        m->layers.push_back(layer);
        nIn = kHidden;
    }
    m->denseW = fill(kHidden, kVocab, 3.0f / std::sqrt(float(kHidden)));
    m->denseB = fill(kVocab, 1, 0.5f);
    m->provenance.name = "benchmark";
    return m;
}

double medianMs(int repeat, const std::function<void()> &f)
{
    std::vector<double> ms;
    for (int r = 0; r < repeat; ++r) {
        const auto a = std::chrono::steady_clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

volatile double gSink = 0; // keeps results alive

} // namespace

int main(int argc, char **argv)
{
    int repeat = 5;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));

    const auto model = v2SizedModel();
    Simulator sim(model);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> token(2, kVocab - 1);
    for (int t = 0; t < kSteps; ++t)
        sim.step(token(rng), nullptr);
    const Run &run = sim.run();
    const auto h3 = run.signalMatrix(kLayers - 1, Signal::H);

    std::printf("core/analysis on a %dx%d model, %d tokens, %d steps (median of %d runs)\n\n", kLayers, kHidden,
                kVocab, kSteps, repeat);
    std::printf("%-58s %10s\n", "analysis", "ms");
    int over = 0;
    const auto report = [&](const char *name, double ms) {
        std::printf("%-58s %10.2f%s\n", name, ms, ms > 100.0 ? "   (over 100 ms)" : "");
        over += ms > 100.0;
    };

    // Run analyses (one layer's h; the spectrum also for all three layers).
    report("sorted activations (layer 3 h, 500x512)", medianMs(repeat, [&] { gSink = sortedActivations(h3)(0, 0); }));
    report("sparsity (layer 3 h)", medianMs(repeat, [&] { gSink = sparsity(h3).overallSmall; }));
    report("max magnitude, sorted (layer 3 h)", medianMs(repeat, [&] { gSink = sortedMaxMagnitude(h3).perUnit[0]; }));
    UnitSpectra spectra;
    report("unit spectra, N=512 (layer 3 h, 512 units)", medianMs(repeat, [&] { spectra = unitSpectra(h3); }));
    report("unit spectra, N=512 (all 3 layers, 1536 units)", medianMs(repeat, [&] {
               for (int l = 0; l < kLayers; ++l)
                   gSink = unitSpectra(run.signalMatrix(l, Signal::H)).db(0, 0);
           }));
    report("find units by period 9 +- 0.5", medianMs(repeat, [&] { gSink = double(findUnitsByPeriod(spectra, 9, 0.5).size()); }));
    report("unit-token association (layer 3 h, all units)", medianMs(repeat, [&] {
               const TokenAssociation a = tokenAssociation(h3, run.tokens(), kVocab);
               gSink = double(unitsBeforeToken(a, 2).size());
           }));

    // Weight analyses.
    report("Gramian softmax W (512 units x 137)",
           medianMs(repeat, [&] { gSink = normalisedGramian(model->denseW)(0, 1); }));
    report("Gramian W_xi layer 1 (137 tokens x 512)", medianMs(repeat, [&] {
               gSink = normalisedGramian(weightItems(*model, {WeightKind::Input, 0, Gate::Input}))(0, 1);
           }));
    report("Gramian W_hf layer 1 (512 units x 512)", medianMs(repeat, [&] {
               gSink = normalisedGramian(weightItems(*model, {WeightKind::Recurrent, 0, Gate::Forget}))(0, 1);
           }));
    const RowMatrixXd gram = normalisedGramian(model->denseW);
    report("Gramian row-variance order + 20 extreme pairs (512)", medianMs(repeat, [&] {
               gSink = orderByRowVariance(gram)[0] + extremePairs(gram, 20).alike[0].cosine;
           }));
    report("gate input norms, biases, cosines, means (layer 1)",
           medianMs(repeat, [&] { gSink = gateInputSummary(model->layers[0]).biasNorms[0]; }));
    report("SVD of softmax W (512x137)", medianMs(repeat, [&] { gSink = softmaxSvd(model->denseW).singularValues[0]; }));
    const SoftmaxSvd svd = softmaxSvd(model->denseW);
    Eigen::VectorXd p(kVocab);
    report("pushed distributions +-s_i u_i, all 137 vectors", medianMs(repeat, [&] {
               for (int i = 0; i < svd.singularValues.size(); ++i) {
                   pushedDistribution(svd, model->denseB, i, 1.0, 1.0, p);
                   pushedDistribution(svd, model->denseB, i, -1.0, 1.0, p);
               }
               gSink = p[0];
           }));
    const Eigen::VectorXd grid = Eigen::VectorXd::LinSpaced(10000, -10, 10);
    Eigen::VectorXd curve(grid.size());
    report("alpha(delta, p) and delta(alpha, p), 10000 points each", medianMs(repeat, [&] {
               probabilityFactors(grid, 0.05, curve);
               logitShifts((grid.array() + 10.0) / 20.0 * (1.0 / 0.05), 0.05, curve);
               gSink = curve[0];
           }));
    report("gate subspace: SVD W_hi + projections (layer 1)",
           medianMs(repeat, [&] { gSink = gateSubspace(model->layers[0], Gate::Input).captured(0, 0); }));
    report("gate subspace: SVD W_hi + projections (layer 2, 512 inputs)",
           medianMs(repeat, [&] { gSink = gateSubspace(model->layers[1], Gate::Input).captured(0, 0); }));
    report("input/recurrent cosines + histogram (layer 1, gate i)", medianMs(repeat, [&] {
               const RowMatrixXd c = inputRecurrentCosines(model->layers[0], Gate::Input);
               gSink = double(histogram(c, 50).counts[0]);
           }));

    const std::string path = (std::filesystem::temp_directory_path() / "bench_analyses_trace.h5").string();
    report("(for reference) write the whole trace file", medianMs(std::min(repeat, 3), [&] {
               writeTraceFile(path, run, *model, {});
           }));
    std::filesystem::remove(path);
    std::printf("\n%d over 100 ms\n", over);
    return 0;
}

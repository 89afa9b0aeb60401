// Generation speed (issue 11): single-stream stepping with full trace recording, batched
// seed-per-tune generation, model load, and the machine's own dgemm rate for scale.
// Prints one line per figure; packaging/bench.sh runs it next to the numpy and PyTorch baselines.
#include "core/model/ModelFile.h"
#include "core/model/OpenModel.h"
#include "core/sim/BatchGenerator.h"
#include "core/sim/Generator.h"
#include "core/sim/WeightAllocator.h"
#include "core/util/SecondCore.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

extern "C" void openblas_set_num_threads(int);

using namespace folkrnn;
using Clock = std::chrono::steady_clock;

static double seconds(Clock::time_point a) { return std::chrono::duration<double>(Clock::now() - a).count(); }

static double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Sums `n` floats (a multiple of 32) as fast as this core can read them: the weight-streaming
// part of a step with no arithmetic besides one add per 8 floats.
#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) static float streamRead(const float *a, std::size_t n)
{
    __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
    for (std::size_t i = 0; i < n; i += 32) {
        s0 = _mm256_add_ps(s0, _mm256_loadu_ps(a + i));
        s1 = _mm256_add_ps(s1, _mm256_loadu_ps(a + i + 8));
        s2 = _mm256_add_ps(s2, _mm256_loadu_ps(a + i + 16));
        s3 = _mm256_add_ps(s3, _mm256_loadu_ps(a + i + 24));
    }
    float out[8];
    _mm256_storeu_ps(out, _mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
    return out[0] + out[7];
}
#else
static float streamRead(const float *a, std::size_t n)
{
    float s[8] = {};
    for (std::size_t i = 0; i < n; i += 8)
        for (int k = 0; k < 8; ++k)
            s[k] += a[i + k];
    return s[0] + s[7];
}
#endif

// The floor of a single-stream step on this machine: the time both cores take just to read a
// step's float32 weights (the same bytes, split the same way), with the weights as warm in the
// caches as they can be between steps. Measured twice, alternating in one process: in the
// kernels' storage (WeightAllocator: huge pages where the system grants them) and in plain 4 KiB
// pages, so the difference the page size makes shows whatever the machine is doing meanwhile.
struct ReadFloor {
    double ms = 0, ms4k = 0;
};
static ReadFloor streamingFloorMs(double bytes)
{
    const std::size_t n = (std::size_t(bytes / 4) + 63) / 64 * 64;
    std::vector<float, WeightAllocator<float>> weights(n, 1.0f);
    std::vector<float> plain(n, 1.0f);
    volatile float sink = 0;
    std::vector<double> times[2];
    for (int r = 0; r < 400; ++r) {
        const float *w = r % 2 ? plain.data() : weights.data();
        const auto t0 = Clock::now();
        float part[2] = {0, 0};
        SecondCore::instance().split([&](int k) { part[k] = streamRead(w + k * n / 2, n / 2); });
        times[r % 2].push_back(seconds(t0));
        sink = sink + part[0] + part[1];
    }
    return {median(times[0]) * 1e3, median(times[1]) * 1e3};
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_generate MODEL.h5 [repeats=5] [tunes=1000]\n");
        return 2;
    }
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    const int tunes = argc > 3 ? std::atoi(argv[3]) : 1000;

    std::vector<double> loads;
    std::shared_ptr<const Model> model;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = Clock::now();
        model = std::make_shared<const Model>(openModel(argv[1]));
        loads.push_back(seconds(t0));
    }
    const double L = model->numLayers(), H = model->hiddenSize(), V = model->vocabSize();
    // Multiply-adds per step: one-hot layer 1 is a row gather, so h·W_h only; then x·W_x + h·W_h
    // for the other layers, and the softmax layer.
    const double flops = 2 * (4 * H * H + (L - 1) * 4 * H * 2 * H + H * V);
    const double bytes = 4 * (4 * H * H + (L - 1) * 4 * H * 2 * H + H * V);
    std::printf("model_load_ms %.2f\n", median(loads) * 1e3);
    std::printf("flop_per_step %.3e\nweight_bytes_per_step %.3e\n", flops, bytes);

    // 1. Single stream, full trace (h c i f o g of every layer, logits, log-probs), parity-exact.
    std::vector<double> perStep;
    for (int r = 0; r < repeats; ++r) {
        GenerationSettings s;
        s.seed = 1000 + r;
        s.maxLength = 500;
        Generator gen(model, s, true);
        const auto t0 = Clock::now();
        int steps = 0;
        while (steps < 500) {
            if (gen.finished()) {
                gen.startNextTune();
            }
            gen.stepForward();
            ++steps;
        }
        perStep.push_back(seconds(t0) / steps);
    }
    const double ms = median(perStep) * 1e3;
    std::printf("single_stream_ms_per_step %.4f\nsingle_stream_gflops %.2f\nsingle_stream_gbps %.2f\n", ms,
                flops / (ms * 1e-3) / 1e9, bytes / (ms * 1e-3) / 1e9);
    const ReadFloor floor = streamingFloorMs(bytes);
    std::printf("weight_read_floor_ms_per_step %.4f\nweight_read_floor_gbps %.2f\n", floor.ms,
                bytes / (floor.ms * 1e-3) / 1e9);
    std::printf("weight_read_floor_4k_pages_ms_per_step %.4f\nweight_read_floor_4k_pages_gbps %.2f\n", floor.ms4k,
                bytes / (floor.ms4k * 1e-3) / 1e9);

    // 2. Batched, seed per tune.
    for (int batch : {16, 64, 128}) {
        std::vector<double> rates, gf, stepRates;
        for (int r = 0; r < std::max(1, repeats / 2); ++r) {
            BatchSettings b;
            b.firstSeed = 1;
            b.count = tunes;
            b.batch = batch;
            b.maxLength = 1000;
            const auto t0 = Clock::now();
            const auto out = generateBatched(*model, b);
            const double sec = seconds(t0);
            double steps = 0;
            for (const auto &t : out)
                steps += double(t.tokens.size());
            rates.push_back(tunes / sec);
            gf.push_back(steps * flops / sec / 1e9);
            stepRates.push_back(steps / sec);
        }
        std::printf("batched_b%d_tunes_per_s %.1f\nbatched_b%d_tune_steps_per_s %.1f\nbatched_b%d_gflops %.2f\n", batch,
                    median(rates), batch, median(stepRates), batch, median(gf));
    }

    // The machine's dgemm rate at the batch shapes (OpenBLAS through Eigen, on all cores, as the
    // batched run uses them: its own threads split the tunes over its own packed-weight GEMM).
    openblas_set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    for (int batch : {64, 128}) {
        Eigen::MatrixXd A = Eigen::MatrixXd::Random(batch, 2 * int(H)), B = Eigen::MatrixXd::Random(2 * int(H), 4 * int(H));
        Eigen::MatrixXd C(batch, 4 * int(H));
        C.noalias() = A * B;
        const int reps = 50;
        const auto t0 = Clock::now();
        for (int k = 0; k < reps; ++k)
            C.noalias() += A * B;
        const double sec = seconds(t0);
        std::printf("dgemm_b%d_gflops %.2f\n", batch, 2.0 * batch * 2 * H * 4 * H * reps / sec / 1e9);
    }
    return 0;
}

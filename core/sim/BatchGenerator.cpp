#include "core/sim/BatchGenerator.h"

#include "core/sim/Generator.h"
#include "core/sim/LstmStep.h"
#include "core/sim/PackedGemm.h"
#include "core/sim/Sampler.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace folkrnn {

namespace {

using RowMatrixXdL = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Weights packed for the GEMM kernel once (float32, as stored: the kernel widens them to double), so each layer of a batch step is
// one product over packed weights: z = [x | h_{t-1}] · [W_x ; W_h] + b.
struct BatchWeights {
    struct Layer {
        RowMatrixXf inputRows; // one-hot first layer: row = token (float, gathered per tune)
        PackedMatrix W;        // [W_x ; W_h], [n_in + H, 4H]; W_h alone with one-hot input
        Eigen::RowVectorXd bias;
        Eigen::RowVectorXd h0, c0;
    };
    std::vector<Layer> layers;
    std::optional<Eigen::MatrixXd> embedding;
    PackedMatrix dense; // [H, V]
    Eigen::RowVectorXd denseB;

    explicit BatchWeights(const Model &m)
    {
        const int H = m.hiddenSize();
        if (m.embedding)
            embedding = m.embedding->cast<double>();
        for (int l = 0; l < m.numLayers(); ++l) {
            const LstmLayer &src = m.layers[static_cast<std::size_t>(l)];
            Layer out;
            const bool oneHot = l == 0 && !m.embedding;
            const int nIn = oneHot ? 0 : src.inputSize();
            if (oneHot)
                out.inputRows.resize(src.inputSize(), 4 * H);
            Eigen::MatrixXf W(nIn + H, 4 * H);
            out.bias.resize(4 * H);
            for (Gate g : kGates) {
                const int k = static_cast<int>(g);
                if (oneHot)
                    out.inputRows.middleCols(k * H, H) = src.Wx[k];
                else
                    W.block(0, k * H, nIn, H) = src.Wx[k];
                W.block(nIn, k * H, H, H) = src.Wh[k];
                out.bias.segment(k * H, H) = src.b[k].cast<double>().transpose();
            }
            out.W = PackedMatrix(W);
            out.h0 = src.h0.cast<double>().transpose();
            out.c0 = src.c0.cast<double>().transpose();
            layers.push_back(std::move(out));
        }
        dense = PackedMatrix(m.denseW);
        denseB = m.denseB.cast<double>().transpose();
    }
};

struct Slot {
    int tune = -1;
    int step = 0;
    int input = 0;
    Sampler sampler{0}; // reseeded when the slot takes a tune
    GeneratedTune result;
};

// One worker: a batch of slots over the tunes it claims from the shared counter.
class Worker {
public:
    Worker(const Model &m, const BatchWeights &w, const BatchSettings &s, int batch)
        : model_(m), w_(w), s_(s), batch_(batch)
    {
        const int H = m.hiddenSize(), V = m.vocabSize(), L = m.numLayers();
        h_.assign(static_cast<std::size_t>(L), RowMatrixXdL(batch, H));
        c_.assign(static_cast<std::size_t>(L), RowMatrixXdL(batch, H));
        z_.assign(static_cast<std::size_t>(L), RowMatrixXdL(batch, 4 * H));
        logits_.resize(batch, V);
        logProbs_.resize(V);
        probs_.resize(V);
        if (m.embedding)
            x_.resize(batch, m.inputSize());
        slots_.resize(static_cast<std::size_t>(batch));
    }

    void run(std::atomic<int> &next, std::vector<GeneratedTune> &out, const std::function<void()> &finished)
    {
        int active = 0;
        while (active < batch_ && claim(next, active))
            ++active;
        while (active > 0) {
            step(active);
            for (int r = 0; r < active;) {
                Slot &slot = slots_[static_cast<std::size_t>(r)];
                if (!done(slot)) {
                    ++r;
                    continue;
                }
                out[static_cast<std::size_t>(slot.tune)] = std::move(slot.result);
                finished();
                if (!claim(next, r)) {
                    moveSlot(active - 1, r);
                    --active;
                }
            }
        }
    }

private:
    bool done(const Slot &slot) const
    {
        return slot.result.ended || slot.step >= s_.maxLength;
    }

    bool claim(std::atomic<int> &next, int row)
    {
        const int tune = next.fetch_add(1);
        if (tune >= s_.count)
            return false;
        Slot &slot = slots_[static_cast<std::size_t>(row)];
        slot = Slot{};
        slot.tune = tune;
        slot.sampler = Sampler(s_.firstSeed + static_cast<std::uint32_t>(tune));
        slot.result.seed = s_.firstSeed + static_cast<std::uint32_t>(tune);
        slot.input = model_.startToken();
        for (std::size_t l = 0; l < h_.size(); ++l) {
            h_[l].row(row) = w_.layers[l].h0;
            c_[l].row(row) = w_.layers[l].c0;
        }
        return true;
    }

    void moveSlot(int from, int to)
    {
        if (from == to)
            return;
        slots_[static_cast<std::size_t>(to)] = std::move(slots_[static_cast<std::size_t>(from)]);
        for (std::size_t l = 0; l < h_.size(); ++l) {
            h_[l].row(to) = h_[l].row(from);
            c_[l].row(to) = c_[l].row(from);
        }
    }

    // z = x·W_x + h_{t-1}·W_h + b for every active tune at once, then the gates row by row.
    void step(int n)
    {
        const int H = model_.hiddenSize();
        for (std::size_t l = 0; l < w_.layers.size(); ++l) {
            const auto &layer = w_.layers[l];
            auto Z = z_[l].topRows(n);
            Z.rowwise() = layer.bias;
            const RowBlock h = rowBlock(h_[l]);
            if (l == 0 && !w_.embedding) {
                for (int r = 0; r < n; ++r)
                    Z.row(r) += layer.inputRows.row(slots_[static_cast<std::size_t>(r)].input).cast<double>();
                gemmPacked({h}, n, layer.W, Z.data(), Z.outerStride(), scratch_);
            } else if (l == 0) {
                for (int r = 0; r < n; ++r)
                    x_.row(r) = w_.embedding->row(slots_[static_cast<std::size_t>(r)].input);
                gemmPacked({rowBlock(x_), h}, n, layer.W, Z.data(), Z.outerStride(), scratch_);
            } else {
                gemmPacked({rowBlock(h_[l - 1]), h}, n, layer.W, Z.data(), Z.outerStride(), scratch_);
            }
            for (int r = 0; r < n; ++r) {
                Eigen::Map<Eigen::VectorXd> z(z_[l].row(r).data(), 4 * H), c(c_[l].row(r).data(), H),
                    h(h_[l].row(r).data(), H);
                lstmGates(z, c, h);
                const int t = slots_[static_cast<std::size_t>(r)].step;
                const int li = static_cast<int>(l);
                if (!s_.interventions.items.empty()) {
                    if (s_.interventions.touches(t, li, InterventionTarget::Cell)) {
                        s_.interventions.apply(t, li, InterventionTarget::Cell, c);
                        lstmOutput(z.segment(3 * H, H), c, h);
                    }
                    s_.interventions.apply(t, li, InterventionTarget::Hidden, h);
                }
            }
        }
        auto logits = logits_.topRows(n);
        logits.rowwise() = w_.denseB;
        gemmPacked({rowBlock(h_.back())}, n, w_.dense, logits.data(), logits.outerStride(), scratch_);
        for (int r = 0; r < n; ++r) {
            Slot &slot = slots_[static_cast<std::size_t>(r)];
            softmaxFromLogits(logits.row(r).transpose(), s_.temperature, logProbs_, probs_);
            const auto t = static_cast<std::size_t>(slot.step);
            const int token = t < s_.prime.size() ? s_.prime[t] : slot.sampler.choice(probs_);
            slot.result.tokens.push_back(token);
            slot.result.logProbs.push_back(logProbs_[token]);
            slot.result.ended = token == model_.endToken();
            slot.input = token;
            ++slot.step;
        }
    }

    static RowBlock rowBlock(const RowMatrixXdL &m) { return {m.data(), m.outerStride(), m.cols()}; }

    const Model &model_;
    const BatchWeights &w_;
    const BatchSettings &s_;
    int batch_;
    std::vector<RowMatrixXdL> h_, c_, z_;
    RowMatrixXdL logits_, x_;
    Eigen::VectorXd logProbs_, probs_;
    std::vector<Slot> slots_;
    GemmScratch scratch_;
};

} // namespace

std::vector<GeneratedTune> generateBatched(const Model &model, const BatchSettings &settings,
                                           const std::function<void(int)> &progress)
{
    GenerationSettings check;
    check.temperature = settings.temperature;
    check.maxLength = settings.maxLength;
    check.prime = settings.prime;
    validateSettings(check, model);
    settings.interventions.validate(model.numLayers(), model.hiddenSize());

    const BatchWeights weights(model);
    int threads = settings.threads > 0 ? settings.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::max(1, std::min({threads, settings.count, std::max(1, settings.batch)}));
    const int perThread = std::max(1, (std::max(1, settings.batch) + threads - 1) / threads);

    std::vector<GeneratedTune> out(static_cast<std::size_t>(settings.count));
    std::atomic<int> next{0};
    std::mutex progressMutex;
    int done = 0;
    auto finished = [&] {
        std::lock_guard lock(progressMutex);
        ++done;
        if (progress)
            progress(done);
    };
    std::vector<std::thread> pool;
    for (int k = 0; k < threads; ++k)
        pool.emplace_back([&] { Worker(model, weights, settings, perThread).run(next, out, finished); });
    for (auto &t : pool)
        t.join();
    return out;
}

} // namespace folkrnn

#include "core/sim/Simulator.h"

#include "core/sim/LstmStep.h"
#include "core/sim/WeightAllocator.h"
#include "core/util/SecondCore.h"

namespace folkrnn {

Simulator::Simulator(std::shared_ptr<const Model> model, bool recordSignals)
    : model_(std::move(model)), weights_(*model_),
      run_(std::make_shared<const std::vector<std::string>>(model_->vocabulary), model_->numLayers(),
           model_->hiddenSize(), recordSignals)
{
    const int L = model_->numLayers();
    const int H = model_->hiddenSize();
    const int V = model_->vocabSize();
    h_.assign(static_cast<std::size_t>(L), Eigen::VectorXd(H));
    c_.assign(static_cast<std::size_t>(L), Eigen::VectorXd(H));
    z_.assign(static_cast<std::size_t>(L), Eigen::VectorXd(4 * H));
    hNext_.resize(H);
    zu_.resize(4 * H);
    xh_.resize(std::max<Eigen::Index>(model_->inputSize(), H) + H);
    logits_.resize(V);
    logProbs_.resize(V);
    probs_.resize(V);
    if (model_->embedding)
        x_.resize(model_->inputSize());
    reset();
}

bool Simulator::ended() const
{
    return run_.steps() > 0 && run_.token(run_.steps() - 1) == model_->endToken();
}

void Simulator::reset()
{
    for (std::size_t l = 0; l < h_.size(); ++l) {
        h_[l] = weights_.layers[l].h0;
        c_[l] = weights_.layers[l].c0;
    }
    run_.truncate(0);
    history_.clear();
    lower_.clear();
}

void Simulator::saveSnapshot(const Sampler *sampler)
{
    const int H = model_->hiddenSize();
    Snapshot snap;
    snap.state.resize(2 * H * static_cast<int>(h_.size()));
    for (std::size_t l = 0; l < h_.size(); ++l) {
        snap.state.segment(static_cast<Eigen::Index>(2 * H * l), H) = h_[l];
        snap.state.segment(static_cast<Eigen::Index>(2 * H * l + H), H) = c_[l];
    }
    snap.draws = sampler ? sampler->draws() : 0;
    history_.push_back(std::move(snap));
}

int Simulator::step(int token, Sampler *sampler)
{
    const int t = run_.steps();
    const int input = t == 0 ? model_->startToken() : run_.token(t - 1);
    saveSnapshot(sampler);

    const int H = model_->hiddenSize();
    // Layers a re-run leaves as they were come from the run before it.
    const auto reused = static_cast<std::size_t>(run_.hasSignals() && !lower_.hasSignals() ? 0 : lower_.reusable(t, input));
    reusedLast_ = static_cast<int>(reused);
    for (std::size_t l = 0; l < reused; ++l) {
        h_[l] = lower_.h(t, static_cast<int>(l));
        c_[l] = lower_.c(t, static_cast<int>(l));
    }
    SecondCore &second = SecondCore::instance();
    for (std::size_t l = reused; l < weights_.layers.size(); ++l) {
        const FusedLayer &layer = weights_.layers[l];
        const int layerIndex = static_cast<int>(l);
        const bool oneHot = l == 0 && !weights_.embedding;
        if (l == 0 && weights_.embedding)
            x_ = weights_.embedding->row(input).transpose().cast<double>();
        // The kernel reads x and h_{t-1} as one vector, [x ; h_{t-1}] (h_{t-1} alone after a one-hot x).
        const double *xhData = h_[l].data();
        Eigen::Index xhSize = H;
        if (!oneHot) {
            const Eigen::VectorXd &in = l == 0 ? x_ : h_[l - 1];
            xh_.head(in.size()) = in;
            xh_.segment(in.size(), H) = h_[l];
            xhData = xh_.data();
            xhSize = in.size() + H;
        }
        const Eigen::Map<const Eigen::VectorXd> xh(xhData, xhSize);
        // Each core takes a range of the units (their four gates' rows, then their gates), cut
        // where both take the same time; h_t goes to hNext_ while both still read h_{t-1}.
        balance_.split(H, 1, [&](Eigen::Index begin, Eigen::Index end) {
            lstmLayerUnits(layer, oneHot ? input : -1, xh, zu_, z_[l], c_[l], hNext_, begin, end);
        });
        h_[l].swap(hNext_);
        intervene(t, layerIndex, z_[l], c_[l], h_[l]);
    }
    const Eigen::Index V = logits_.size(), cut = splitPoint(V);
    second.split([&](int part) noexcept { denseRows(weights_, h_.back(), logits_, part ? cut : 0, part ? V : cut); });
    softmaxFromLogits(logits_, temperature_, logProbs_, probs_);
    const bool forced = token >= 0;
    if (!forced)
        token = sampler->choice(probs_);

    run_.appendStep({input, token, forced}, logits_, logProbs_);
    for (std::size_t l = 0; l < h_.size(); ++l)
        recordLayer(t, static_cast<int>(l), l < reused, z_[l]);
    return token;
}

void Simulator::intervene(int t, int layer, const Eigen::Ref<const Eigen::VectorXd> &gates,
                          Eigen::Ref<Eigen::VectorXd> c, Eigen::Ref<Eigen::VectorXd> h) const
{
    if (interventions_.items.empty())
        return;
    if (interventions_.touches(t, layer, InterventionTarget::Cell)) {
        interventions_.apply(t, layer, InterventionTarget::Cell, c);
        lstmOutput(gates.tail(h.size()), c, h);
    }
    interventions_.apply(t, layer, InterventionTarget::Hidden, h);
}

void Simulator::recordLayer(int t, int layer, bool kept, const Eigen::Ref<const Eigen::VectorXd> &gates)
{
    if (!run_.hasSignals())
        return;
    if (kept) {
        for (Signal sig : kSignals)
            run_.setSignal(layer, sig, lower_.signal(t, layer, sig));
        return;
    }
    const auto l = static_cast<std::size_t>(layer);
    const Eigen::Index H = h_[l].size();
    run_.setSignal(layer, Signal::H, h_[l]);
    run_.setSignal(layer, Signal::C, c_[l]);
    run_.setSignal(layer, Signal::I, gates.segment(0, H));
    run_.setSignal(layer, Signal::F, gates.segment(H, H));
    run_.setSignal(layer, Signal::G, gates.segment(2 * H, H));
    run_.setSignal(layer, Signal::O, gates.segment(3 * H, H));
}

void Simulator::undo(Sampler *sampler)
{
    if (history_.empty())
        return;
    truncateTo(static_cast<int>(history_.size()) - 1, sampler);
}

void Simulator::truncateTo(int step, Sampler *sampler)
{
    if (step < 0 || step >= static_cast<int>(history_.size()))
        return;
    lower_.clear();
    restore(step, sampler);
}

int Simulator::replaceInterventions(InterventionSet set, Sampler *sampler)
{
    const int from = interventions_.firstDifferingStep(set);
    const int kept = LowerLayerCache::unchangedLayers(interventions_, set, model_->numLayers());
    interventions_ = std::move(set);
    if (kept == 0) {
        lower_.clear();
    } else {
        // The state after step t is the one saved before step t + 1, or the current one.
        Eigen::VectorXd now(2 * model_->hiddenSize() * static_cast<int>(h_.size()));
        for (std::size_t l = 0; l < h_.size(); ++l) {
            now.segment(static_cast<Eigen::Index>(2 * l) * h_[l].size(), h_[l].size()) = h_[l];
            now.segment(static_cast<Eigen::Index>(2 * l + 1) * h_[l].size(), h_[l].size()) = c_[l];
        }
        lower_.keep(
            run_, from,
            [&](int t) { return t + 1 < steps() ? history_[static_cast<std::size_t>(t + 1)].state.data() : now.data(); },
            kept);
    }
    if (from < steps())
        restore(from, sampler);
    return from;
}

void Simulator::restore(int step, Sampler *sampler)
{
    const int H = model_->hiddenSize();
    const Snapshot &snap = history_[static_cast<std::size_t>(step)];
    for (std::size_t l = 0; l < h_.size(); ++l) {
        h_[l] = snap.state.segment(static_cast<Eigen::Index>(2 * H * l), H);
        c_[l] = snap.state.segment(static_cast<Eigen::Index>(2 * H * l + H), H);
    }
    if (sampler)
        sampler->rewindTo(snap.draws);
    history_.resize(static_cast<std::size_t>(step));
    run_.truncate(step);
}

} // namespace folkrnn

namespace folkrnn {

namespace {
// Uninitialised doubles from WeightAllocator (huge pages for large blocks), given back on scope exit.
class ScratchBlock {
public:
    explicit ScratchBlock(std::size_t n) : n_(n), data_(WeightAllocator<double>().allocate(n)) {}
    ~ScratchBlock() { WeightAllocator<double>().deallocate(data_, n_); }
    ScratchBlock(const ScratchBlock &) = delete;
    ScratchBlock &operator=(const ScratchBlock &) = delete;
    double *data() { return data_; }

private:
    std::size_t n_;
    double *data_;
};
} // namespace

bool Simulator::stepForcedLayerwise(const std::vector<int> &tokens, int upTo, Sampler *sampler,
                                    const std::atomic<bool> &cancel)
{
    const int t0 = steps();
    const int H = model_->hiddenSize();
    const int L = model_->numLayers();
    // The steps to run: inputs and tokens are known in advance, up to the first </s> taken.
    std::vector<int> inputs, taken;
    for (int t = t0; t < upTo && t < static_cast<int>(tokens.size()); ++t) {
        inputs.push_back(t == 0 ? model_->startToken() : t == t0 ? run_.token(t - 1) : taken.back());
        taken.push_back(tokens[static_cast<std::size_t>(t)]);
        if (taken.back() == model_->endToken())
            break;
    }
    const int T = static_cast<int>(taken.size());
    if (T == 0)
        return true;
    const std::vector<int> reuse = lower_.reusableRange(t0, inputs);
    // With only the top layer left to compute, the step-wise run is faster (measured: 0.11 s
    // against 0.17 s for 500 steps of the bundled model): nothing to keep warm across layers.
    if (reuse.front() >= L - 1)
        return false;
    // Per layer, every step's h, c and gates ([i | f | g | o]), row t: T x L x 6H doubles (37 MB
    // for 500 steps of the 3x512 model), on huge pages where granted, so that faulting them in is
    // 18 faults and not 9,000.
    // Every row is written before it is read, so the block is not cleared first.
    const std::size_t perLayer = static_cast<std::size_t>(T) * 6 * H;
    ScratchBlock scratch(perLayer * static_cast<std::size_t>(L));
    std::vector<Eigen::Map<RowMatrixXd>> hs, cs, zs;
    for (int l = 0; l < L; ++l) {
        double *base = scratch.data() + static_cast<std::size_t>(l) * perLayer;
        hs.emplace_back(base, T, H);
        cs.emplace_back(base + static_cast<std::size_t>(T) * H, T, H);
        zs.emplace_back(base + static_cast<std::size_t>(T) * 2 * H, T, 4 * H);
    }
    SecondCore &second = SecondCore::instance();
    for (int l = 0; l < L; ++l) {
        const auto li = static_cast<std::size_t>(l);
        const FusedLayer &layer = weights_.layers[li];
        const bool oneHot = l == 0 && !weights_.embedding;
        for (int k = 0; k < T; ++k) {
            if (cancel)
                return false;
            const int t = t0 + k;
            if (l < reuse[static_cast<std::size_t>(k)]) {
                hs[li].row(k) = lower_.h(t, l).transpose();
                cs[li].row(k) = lower_.c(t, l).transpose();
                continue;
            }
            // h_{t-1}, c_{t-1} of this layer: the row before, or the state the run stopped in.
            const Eigen::VectorXd hPrev = k == 0 ? h_[li] : Eigen::VectorXd(hs[li].row(k - 1).transpose());
            Eigen::Map<Eigen::VectorXd> c(cs[li].row(k).data(), H), h(hs[li].row(k).data(), H),
                z(zs[li].row(k).data(), 4 * H);
            c = k == 0 ? c_[li] : Eigen::VectorXd(cs[li].row(k - 1).transpose());
            const double *xhData = hPrev.data();
            Eigen::Index xhSize = H;
            if (!oneHot) {
                if (l == 0)
                    x_ = weights_.embedding->row(inputs[static_cast<std::size_t>(k)]).transpose().cast<double>();
                const Eigen::Index n = l == 0 ? x_.size() : H;
                if (l == 0)
                    xh_.head(n) = x_;
                else
                    xh_.head(n) = hs[li - 1].row(k).transpose();
                xh_.segment(n, H) = hPrev;
                xhData = xh_.data();
                xhSize = n + H;
            }
            const Eigen::Map<const Eigen::VectorXd> xh(xhData, xhSize);
            balance_.split(H, 1, [&](Eigen::Index begin, Eigen::Index end) {
                lstmLayerUnits(layer, oneHot ? inputs[static_cast<std::size_t>(k)] : -1, xh, zu_, z, c, h, begin, end);
            });
            intervene(t, l, z, c, h);
        }
    }
    if (cancel)
        return false;
    // Commit step by step, as step() records them.
    const Eigen::Index V = logits_.size(), vcut = splitPoint(V);
    for (int k = 0; k < T; ++k) {
        const int t = t0 + k;
        saveSnapshot(sampler);
        const Eigen::VectorXd top = hs.back().row(k).transpose();
        second.split([&](int part) noexcept { denseRows(weights_, top, logits_, part ? vcut : 0, part ? V : vcut); });
        softmaxFromLogits(logits_, temperature_, logProbs_, probs_);
        run_.appendStep({inputs[static_cast<std::size_t>(k)], taken[static_cast<std::size_t>(k)], true}, logits_,
                        logProbs_);
        for (int l = 0; l < L; ++l) {
            const auto li = static_cast<std::size_t>(l);
            h_[li] = hs[li].row(k).transpose();
            c_[li] = cs[li].row(k).transpose();
            recordLayer(t, l, l < reuse[static_cast<std::size_t>(k)], zs[li].row(k).transpose());
        }
    }
    reusedLast_ = reuse.back();
    if (reuse.back() == 0)
        lower_.clear();
    return true;
}

} // namespace folkrnn

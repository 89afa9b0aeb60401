#include "core/sim/Run.h"

#include <algorithm>

#include <cassert>
#include <stdexcept>

namespace folkrnn {

const char *signalName(Signal s)
{
    static constexpr const char *names[] = {"h", "c", "i", "f", "o", "g"};
    return names[static_cast<int>(s)];
}

bool parseSignal(const std::string &name, Signal &out)
{
    for (Signal s : kSignals)
        if (name == signalName(s)) {
            out = s;
            return true;
        }
    return false;
}

Run::Run(std::shared_ptr<const std::vector<std::string>> vocabulary, int layers, int hidden, bool withSignals)
    : vocabulary_(std::move(vocabulary)), layers_(layers), hidden_(hidden), withSignals_(withSignals),
      signals_(withSignals ? static_cast<std::size_t>(layers * kSignalCount) : 0)
{
}

Eigen::Map<const Eigen::VectorXd> Run::logProbs(int t) const
{
    const auto V = static_cast<std::size_t>(vocabSize());
    return {logProbs_.data() + static_cast<std::size_t>(t) * V, static_cast<Eigen::Index>(V)};
}

Eigen::Map<const Eigen::VectorXd> Run::logits(int t) const
{
    const auto V = static_cast<std::size_t>(vocabSize());
    return {logits_.data() + static_cast<std::size_t>(t) * V, static_cast<Eigen::Index>(V)};
}

Eigen::Map<const RowMatrixXd> Run::logProbMatrix() const { return {logProbs_.data(), steps(), vocabSize()}; }
Eigen::Map<const RowMatrixXd> Run::logitMatrix() const { return {logits_.data(), steps(), vocabSize()}; }

Eigen::Map<const Eigen::VectorXf> Run::signal(int t, int layer, Signal s) const
{
    assert(withSignals_);
    return {storage(layer, s).data() + static_cast<std::size_t>(t) * static_cast<std::size_t>(hidden_), hidden_};
}

Eigen::Map<const RowMatrixXf> Run::signalMatrix(int layer, Signal s) const
{
    assert(withSignals_);
    return {storage(layer, s).data(), steps(), hidden_};
}

void Run::appendStep(const StepRecord &rec, const Eigen::Ref<const Eigen::VectorXd> &logits,
                     const Eigen::Ref<const Eigen::VectorXd> &logProbs)
{
    inputs_.push_back(rec.input);
    tokens_.push_back(rec.token);
    forced_.push_back(rec.forced ? 1 : 0);
    logits_.insert(logits_.end(), logits.data(), logits.data() + logits.size());
    logProbs_.insert(logProbs_.end(), logProbs.data(), logProbs.data() + logProbs.size());
}

void Run::setSignal(int layer, Signal s, const Eigen::Ref<const Eigen::VectorXd> &values)
{
    if (!withSignals_)
        return;
    auto &store = storage(layer, s);
    const std::size_t want = static_cast<std::size_t>(steps()) * static_cast<std::size_t>(hidden_);
    store.resize(want);
    float *dst = store.data() + want - static_cast<std::size_t>(hidden_);
    for (int k = 0; k < hidden_; ++k)
        dst[k] = static_cast<float>(values[k]);
}

void Run::setSignal(int layer, Signal s, const float *values)
{
    if (!withSignals_)
        return;
    auto &store = storage(layer, s);
    const std::size_t want = static_cast<std::size_t>(steps()) * static_cast<std::size_t>(hidden_);
    store.resize(want);
    std::copy_n(values, hidden_, store.data() + want - static_cast<std::size_t>(hidden_));
}

void Run::truncate(int steps)
{
    if (steps >= this->steps())
        return;
    const auto T = static_cast<std::size_t>(steps);
    const auto V = static_cast<std::size_t>(vocabSize());
    inputs_.resize(T);
    tokens_.resize(T);
    forced_.resize(T);
    logits_.resize(T * V);
    logProbs_.resize(T * V);
    for (auto &s : signals_)
        s.resize(std::min(s.size(), T * static_cast<std::size_t>(hidden_)));
}

Run Run::fromArrays(std::shared_ptr<const std::vector<std::string>> vocabulary, int layers, int hidden,
                    int startToken, Arrays arrays)
{
    if (!vocabulary || layers < 0 || hidden < 0)
        throw std::invalid_argument("Run::fromArrays: no vocabulary or a negative size");
    const bool withSignals = !arrays.signalValues.empty();
    Run run(std::move(vocabulary), layers, hidden, withSignals);
    const std::size_t T = arrays.tokens.size();
    const auto V = static_cast<std::size_t>(run.vocabSize());
    const std::size_t TH = T * static_cast<std::size_t>(hidden);
    const auto inVocabulary = [&](int id) { return id >= 0 && static_cast<std::size_t>(id) < V; };
    if (arrays.forced.size() != T || arrays.logits.size() != T * V || arrays.logProbs.size() != T * V)
        throw std::invalid_argument("Run::fromArrays: forced flags, logits or log-probs do not match the tokens");
    if (withSignals && arrays.signalValues.size() != static_cast<std::size_t>(layers * kSignalCount))
        throw std::invalid_argument("Run::fromArrays: expected 6 signals per layer");
    for (const auto &s : arrays.signalValues)
        if (s.size() != TH)
            throw std::invalid_argument("Run::fromArrays: a signal does not have steps x hidden values");
    if (T > 0 && !inVocabulary(startToken))
        throw std::invalid_argument("Run::fromArrays: start token outside the vocabulary");
    for (int id : arrays.tokens)
        if (!inVocabulary(id))
            throw std::invalid_argument("Run::fromArrays: token id outside the vocabulary");
    run.inputs_.resize(T);
    for (std::size_t t = 0; t < T; ++t)
        run.inputs_[t] = t == 0 ? startToken : arrays.tokens[t - 1];
    run.tokens_ = std::move(arrays.tokens);
    run.forced_ = std::move(arrays.forced);
    for (char &f : run.forced_)
        f = f ? 1 : 0;
    run.logits_ = std::move(arrays.logits);
    run.logProbs_ = std::move(arrays.logProbs);
    if (withSignals)
        run.signals_ = std::move(arrays.signalValues);
    return run;
}

void Run::reserve(int steps)
{
    const auto T = static_cast<std::size_t>(steps);
    const auto V = static_cast<std::size_t>(vocabSize());
    inputs_.reserve(T);
    tokens_.reserve(T);
    forced_.reserve(T);
    logits_.reserve(T * V);
    logProbs_.reserve(T * V);
    for (auto &s : signals_)
        s.reserve(T * static_cast<std::size_t>(hidden_));
}

} // namespace folkrnn

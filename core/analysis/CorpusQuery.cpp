#include "core/analysis/CorpusQuery.h"

#include "core/abc/TokenCorpus.h"
#include "core/analysis/CorpusQueryRun.h"
#include "core/model/TokenText.h"
#include "core/util/Error.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>

namespace folkrnn::analysis {

int CorpusSpec::runs() const { return tunes.empty() ? seedCount : static_cast<int>(tunes.size()); }

GenerationSettings CorpusSpec::settings(int run) const
{
    GenerationSettings s;
    s.temperature = temperature;
    s.maxLength = maxLength;
    if (!tunes.empty()) {
        s.forcedTune = tunes[static_cast<std::size_t>(run)];
        s.maxLength = std::max(1, std::min(kMaxSteps, static_cast<int>(s.forcedTune.size())));
    } else {
        s.seed = firstSeed + static_cast<std::uint32_t>(run);
        s.prime = prime;
    }
    return s;
}

std::string CorpusSpec::runName(int run) const
{
    if (!tunes.empty())
        return static_cast<std::size_t>(run) < tuneNames.size() ? tuneNames[static_cast<std::size_t>(run)]
                                                                 : "tune " + std::to_string(run + 1);
    return "seed " + std::to_string(firstSeed + static_cast<std::uint32_t>(run));
}

CorpusSpec corpusFromTokenFile(const Model &model, const std::string &path)
{
    const std::vector<TokenTune> tunes = readTokenCorpus(path);
    CorpusSpec spec;
    for (const TokenTune &tune : tunes) {
        std::string text;
        for (const std::string &t : tune.tokens)
            text += t + " ";
        const std::string where = path + ":" + std::to_string(tune.line);
        std::vector<int> ids = encodeTokens(model.vocabulary, text, where);
        if (ids.size() + 1 > static_cast<std::size_t>(kMaxSteps))
            throw InputError(where, "a tune longer than " + std::to_string(kMaxSteps) + " tokens");
        if (ids.empty() || ids.back() != model.endToken())
            ids.push_back(model.endToken());
        spec.tunes.push_back(std::move(ids));
        spec.tuneNames.push_back(where);
    }
    return spec;
}

namespace {

void checkUnits(const Model &model, const std::vector<QueryUnit> &units)
{
    for (const QueryUnit &q : units) {
        if (q.layer < 0 || q.layer >= model.numLayers())
            throw InputError("units", "layer " + std::to_string(q.layer + 1) + " does not exist (the model has " +
                                          std::to_string(model.numLayers()) + ")");
        if (q.unit < 0 || q.unit >= model.hiddenSize())
            throw InputError("units", "unit " + std::to_string(q.unit) + " does not exist (layers have " +
                                          std::to_string(model.hiddenSize()) + " units, 0-" +
                                          std::to_string(model.hiddenSize() - 1) + ")");
    }
}

// Records one run with its signals; nullopt when cancelled.
std::optional<Run> record(const std::shared_ptr<const Model> &model, const CorpusSpec &corpus, int i,
                          const std::atomic<bool> &cancel)
{
    Generator gen(model, corpus.settings(i), /*recordSignals=*/true);
    if (!gen.runToEnd([&](int) { return !cancel.load(); }))
        return std::nullopt;
    return gen.run();
}

double ratio(long long a, long long b)
{
    return b > 0 ? double(a) / double(b) : std::numeric_limits<double>::quiet_NaN();
}

void finish(CorpusQueryResult &r, const CorpusRunTally &total, const CorpusQuerySettings &settings)
{
    const std::size_t U = r.units.size(), K = settings.targets.size();
    r.steps = total.steps;
    r.recurrenceCount = total.recurrenceCount;
    r.recurrences = total.recurrences;
    r.recurrenceTokens = total.recurrenceTokens;
    for (std::size_t k = 0; k < K; ++k) {
        std::vector<UnitTargetStats> rows;
        for (std::size_t i = 0; i <= U; ++i) {
            if (i == U && U == 0)
                break;
            const std::size_t ik = i * K + k;
            UnitTargetStats s;
            s.unit = i < U ? r.units[i] : QueryUnit{-1, -1};
            s.target = static_cast<int>(k);
            s.targets = total.targets[k];
            s.hits = total.hits[ik];
            s.matches = total.matches[i];
            s.matchesOnTarget = total.matchesOnTarget[ik];
            s.recall = ratio(s.hits, s.targets);
            s.precision = ratio(s.matchesOnTarget, s.matches);
            s.f1 = (s.recall + s.precision) > 0 ? 2 * s.recall * s.precision / (s.recall + s.precision) : 0.0;
            if (std::isnan(s.f1))
                s.f1 = 0;
            const double nan = std::numeric_limits<double>::quiet_NaN();
            s.meanAtTargets = i < U && s.targets > 0 ? total.sumAtTargets[ik] / double(s.targets) : nan;
            s.meanElsewhere = i < U && total.others[k] > 0 ? total.sumElsewhere[ik] / double(total.others[k]) : nan;
            rows.push_back(s);
        }
        // The joint row stays last; units by f1, then recall, then layer and unit.
        const auto end = rows.end() - (U > 0 ? 1 : 0);
        std::stable_sort(rows.begin(), end, [](const UnitTargetStats &a, const UnitTargetStats &b) {
            if (a.f1 != b.f1)
                return a.f1 > b.f1;
            const double ra = std::isnan(a.recall) ? -1 : a.recall, rb = std::isnan(b.recall) ? -1 : b.recall;
            if (ra != rb)
                return ra > rb;
            return a.unit < b.unit;
        });
        r.unitStats.insert(r.unitStats.end(), rows.begin(), rows.end());
    }
    for (const auto &perLayer : total.stats) {
        std::vector<AnnotationStats> layers;
        for (const AnnotationStatsAccumulator &acc : perLayer)
            layers.push_back(acc.result());
        r.stats.push_back(std::move(layers));
    }
}

} // namespace

CorpusQueryResult runCorpusQuery(std::shared_ptr<const Model> model, const CorpusSpec &corpus,
                                 const CorpusQuerySettings &settings, const CorpusProgress &progress)
{
    validatePatternSpec(settings.pattern);
    if (settings.lag < 0)
        throw InputError("lag", "must not be negative");
    const int N = corpus.runs();
    CorpusQueryResult result;
    result.runsPlanned = N;
    result.pattern = settings.pattern;
    result.units = settings.units;
    std::atomic<bool> cancel{false};
    std::optional<Run> first;

    if (settings.units.empty()) {
        // The pattern is defined on the first run: its units are the ones the query returns there.
        if (settings.defineLayer < 0 || settings.defineLayer >= model->numLayers())
            throw InputError("layer", std::to_string(settings.defineLayer + 1) + " does not exist (the model has " +
                                          std::to_string(model->numLayers()) + ")");
        if (N == 0)
            throw InputError("corpus", "has no runs to define the pattern on");
        first = record(model, corpus, 0, cancel);
        const int T = first->steps();
        if (settings.defineFirst < 0 || settings.defineLast >= T || settings.defineFirst > settings.defineLast)
            throw InputError("pattern", "steps " + std::to_string(settings.defineFirst) + "-" +
                                            std::to_string(settings.defineLast) + " are not within the first run (" +
                                            corpus.runName(0) + ", steps 0-" + std::to_string(T - 1) + ")");
        result.pattern.length = settings.defineLast - settings.defineFirst + 1;
        result.definingScores = unitsMatchingPattern(first->signalMatrix(settings.defineLayer, settings.signal),
                                                     settings.defineFirst, settings.defineLast, result.pattern);
        for (const UnitPatternScore &s : result.definingScores)
            result.units.push_back({settings.defineLayer, s.unit});
    }
    checkUnits(*model, result.units);
    for (const AnnotationKey &key : settings.targets)
        if (key.track == AnnotationTrack::Token && (key.value < 0 || key.value >= model->vocabSize()))
            throw InputError("target", "token id " + std::to_string(key.value) + " is outside the vocabulary");

    CorpusRunTally total(result.units.size(), settings.targets.size(), model->vocabSize());
    std::vector<std::optional<CorpusRunTally>> slots(static_cast<std::size_t>(N));
    std::mutex mutex;
    std::condition_variable ready;
    std::atomic<int> next{0};
    if (first) {
        slots[0] = tallyRun(*first, 0, result.units, result.pattern, settings);
        first.reset();
        next = 1;
    }
    // Workers record and tally runs in any order; this thread merges them in run order, so the
    // sums (and the kept recurrences) do not depend on the number of threads.
    const auto work = [&] {
        for (;;) {
            const int i = next.fetch_add(1);
            if (i >= N || cancel.load())
                return;
            std::optional<Run> run = record(model, corpus, i, cancel);
            if (!run)
                return;
            CorpusRunTally tally = tallyRun(*run, i, result.units, result.pattern, settings);
            std::lock_guard lock(mutex);
            slots[static_cast<std::size_t>(i)] = std::move(tally);
            ready.notify_all();
        }
    };
    int threads = settings.threads > 0 ? settings.threads : static_cast<int>(std::thread::hardware_concurrency());
    threads = std::clamp(threads, 1, std::max(1, N));
    std::vector<std::thread> pool;
    std::exception_ptr failure;
    for (int k = 0; k < threads; ++k)
        pool.emplace_back([&] {
            try {
                work();
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure)
                    failure = std::current_exception();
                cancel = true;
                ready.notify_all();
            }
        });
    int merged = 0;
    while (merged < N) {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return slots[static_cast<std::size_t>(merged)].has_value() || cancel.load(); });
        if (!slots[static_cast<std::size_t>(merged)])
            break;
        CorpusRunTally tally = std::move(*slots[static_cast<std::size_t>(merged)]);
        slots[static_cast<std::size_t>(merged)].reset();
        lock.unlock();
        total.merge(tally, settings.maxRecurrences);
        ++merged;
        if (progress && !progress(merged, N)) {
            cancel = true;
            break;
        }
    }
    cancel = cancel.load() || merged < N;
    for (std::thread &t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    result.runs = merged;
    result.cancelled = merged < N;
    finish(result, total, settings);
    return result;
}

} // namespace folkrnn::analysis

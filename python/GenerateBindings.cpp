#include "Settings.h"

#include "core/sim/BatchGenerator.h"

#include <pybind11/stl.h>

#include <algorithm>

namespace folkrnn::python {

namespace {

// One tune of generate_batch: what folkrnn-cli generate --seed-per-tune prints.
struct TuneHandle {
    GeneratedTune tune;
    std::shared_ptr<const Model> model;

    std::vector<std::string> text() const
    {
        std::vector<std::string> out;
        for (std::size_t k = 0; k < tune.tokens.size(); ++k)
            if (!(tune.ended && k + 1 == tune.tokens.size()))
                out.push_back(model->vocabulary[static_cast<std::size_t>(tune.tokens[k])]);
        return out;
    }
};

// As folkrnn-cli generate: one RNG stream for `count` tunes (the original sampler's ntunes loop),
// or with seed_per_tune a fresh RandomState(seed + i) for tune i.
py::object generate(const ModelHandle &h, long long seed, double temperature, const py::object &prime,
                    long long maxLength, long long count, const std::vector<Intervention> &interventions, bool signals,
                    bool seedPerTune)
{
    GenerationSettings settings = samplingSettings(*h.model, seed, temperature, prime, maxLength);
    if (count < 1 || count > 1000000)
        throw py::value_error("count: must be between 1 and 1000000 (got " + std::to_string(count) + ")");
    if (seedPerTune && seed + count - 1 > static_cast<long long>(UINT32_MAX))
        throw py::value_error("seed_per_tune: seeds " + std::to_string(seed) + ".." + std::to_string(seed + count - 1) +
                              " run past 4294967295");
    const InterventionSet set = interventionSet(interventions, *h.model);
    const auto start = [&](std::uint32_t s) {
        settings.seed = s;
        auto g = std::make_unique<Generator>(h.model, settings, signals);
        g->simulator().setInterventions(set);
        return g;
    };
    std::unique_ptr<Generator> gen = start(settings.seed);
    std::vector<std::shared_ptr<const Run>> runs;
    runInterruptibly([&] {
        if (!gen->finished()) {
            gen->stepForward();
            return true;
        }
        runs.push_back(std::make_shared<const Run>(gen->run()));
        if (static_cast<long long>(runs.size()) == count)
            return false;
        if (seedPerTune)
            gen = start(static_cast<std::uint32_t>(seed + static_cast<long long>(runs.size())));
        else
            gen->startNextTune();
        return true;
    });
    if (count == 1)
        return wrapRun(runs.front());
    py::list out;
    for (auto &r : runs)
        out.append(wrapRun(std::move(r)));
    return out;
}

py::object trace(const ModelHandle &h, const py::object &tune, const std::vector<Intervention> &interventions, bool signals)
{
    Generator gen(h.model, forcedSettings(*h.model, tune), signals);
    gen.simulator().setInterventions(interventionSet(interventions, *h.model));
    runInterruptibly([&] {
        if (gen.finished())
            return false;
        gen.stepForward();
        return true;
    });
    return wrapRun(std::make_shared<const Run>(gen.run()));
}

// folkrnn-cli generate --seed-per-tune: batched (one GEMM per layer over the tunes in flight), in
// chunks of tunes so Ctrl+C is seen between them; tune i is RandomState(first_seed + i)'s either way.
std::vector<TuneHandle> generateBatch(const ModelHandle &h, long long firstSeed, long long count, double temperature,
                                      const py::object &prime, long long maxLength,
                                      const std::vector<Intervention> &interventions, int batch, int threads)
{
    const GenerationSettings s = samplingSettings(*h.model, firstSeed, temperature, prime, maxLength);
    if (count < 1 || count > 1000000)
        throw py::value_error("count: must be between 1 and 1000000 (got " + std::to_string(count) + ")");
    if (firstSeed + count - 1 > static_cast<long long>(UINT32_MAX))
        throw py::value_error("first_seed: seeds " + std::to_string(firstSeed) + ".." +
                              std::to_string(firstSeed + count - 1) + " run past 4294967295");
    if (batch < 1 || batch > 4096)
        throw py::value_error("batch: must be between 1 and 4096 (got " + std::to_string(batch) + ")");
    if (threads < 0)
        throw py::value_error("threads: must be 0 (one per core) or more");
    BatchSettings b;
    b.batch = batch;
    b.threads = threads;
    b.temperature = s.temperature;
    b.prime = s.prime;
    b.maxLength = s.maxLength;
    b.interventions = interventionSet(interventions, *h.model);
    std::vector<TuneHandle> out;
    long long done = 0;
    runInterruptibly([&] {
        b.firstSeed = static_cast<std::uint32_t>(firstSeed + done);
        b.count = static_cast<int>(std::min<long long>(count - done, 2LL * batch));
        for (GeneratedTune &t : generateBatched(*h.model, b))
            out.push_back({std::move(t), h.model});
        done += b.count;
        return done < count;
    });
    return out;
}

} // namespace

void bindGenerate(py::module_ &m)
{
    py::class_<TuneHandle>(m, "Tune", "One tune of Model.generate_batch: tokens and the log p of each.")
        .def_property_readonly("seed", [](const TuneHandle &t) { return t.tune.seed; })
        .def_property_readonly("tokens", [](const TuneHandle &t) { return py::array_t<int>(static_cast<py::ssize_t>(t.tune.tokens.size()), t.tune.tokens.data()); },
                               "[n] int32: every token taken, </s> included when reached.")
        .def_property_readonly("chosen_log_probs", [](const TuneHandle &t) { return py::array_t<double>(static_cast<py::ssize_t>(t.tune.logProbs.size()), t.tune.logProbs.data()); })
        .def_property_readonly("ended", [](const TuneHandle &t) { return t.tune.ended; })
        .def_property_readonly("tune", &TuneHandle::text, "The tokens as folk-rnn prints them (without </s>).")
        .def_property_readonly("text", [](const TuneHandle &t) {
            std::string out;
            for (const std::string &s : t.text())
                out += (out.empty() ? "" : " ") + s;
            return out;
        })
        .def("__len__", [](const TuneHandle &t) { return t.tune.tokens.size(); })
        .def("__repr__", [](const TuneHandle &t) {
            return "<folkrnn.Tune seed " + std::to_string(t.tune.seed) + ", " + std::to_string(t.tune.tokens.size()) + " tokens>";
        });

    auto model = py::reinterpret_borrow<py::class_<ModelHandle, std::shared_ptr<ModelHandle>>>(m.attr("Model"));
    model.def("generate", &generate, py::arg("seed") = 42, py::arg("temperature") = 1.0, py::arg("prime") = py::none(),
              py::arg("max_length") = 1000, py::arg("count") = 1, py::arg("interventions") = std::vector<Intervention>{},
              py::arg("signals") = true, py::arg("seed_per_tune") = false,
              "Samples tunes exactly as folk-rnn's sample_rnn.py (and folkrnn-cli generate) does: numpy's "
              "RandomState(seed), tune after tune on one stream, or RandomState(seed + i) for tune i with "
              "seed_per_tune. `prime` (token text or tokens) is taken after <s>. Returns a Run for count=1, else a "
              "list of Runs. signals=False skips recording h c i f o g (under half the memory per step).");
    model.def("trace", &trace, py::arg("tune"), py::arg("interventions") = std::vector<Intervention>{},
              py::arg("signals") = true,
              "Teacher-forces `tune` (token text or tokens; </s> optional): step t consumes the token before the one "
              "it predicts, so log_probs[t] is the model's distribution for tune[t]. Returns a Run.");
    model.def("generate_batch", &generateBatch, py::arg("first_seed") = 42, py::arg("count") = 1,
              py::arg("temperature") = 1.0, py::arg("prime") = py::none(), py::arg("max_length") = 1000,
              py::arg("interventions") = std::vector<Intervention>{}, py::arg("batch") = 32, py::arg("threads") = 0,
              "Many tunes fast, as folkrnn-cli generate --seed-per-tune --batch B: tune i is what the original "
              "sampler makes with seed first_seed + i. Returns a list of Tune (tokens and their log p, no trace).");
}

} // namespace folkrnn::python

#include "Bindings.h"

#include "core/compare/RunComparison.h"

#include <pybind11/stl.h>

namespace folkrnn::python {

py::object wrapRun(std::shared_ptr<const Run> run) { return py::cast(RunHandle{std::move(run)}); }

namespace {

const Run &runOf(const RunHandle &h) { return *h.run; }

py::array signalView(const RunHandle &h, int layer, const std::string &name)
{
    const Run &r = runOf(h);
    if (layer < 1 || layer > r.numLayers())
        throw py::value_error("layer " + std::to_string(layer) + " does not exist (the run has layers 1.." +
                              std::to_string(r.numLayers()) + ")");
    const Signal s = signalFromName(name);
    if (!r.hasSignals())
        throw py::value_error("this run was generated without signals (generate(..., signals=True) records them)");
    const auto m = r.signalMatrix(layer - 1, s);
    return rowMajorView(m.data(), m.rows(), m.cols(), h.run);
}

} // namespace

void bindRun(py::module_ &m)
{
    py::class_<RunHandle>(m, "Run",
                          "A recorded trace of one tune. Step t consumes inputs[t] (<s> at step 0) and yields the "
                          "distribution tokens[t] was taken from. Arrays are read-only views of the run's memory.")
        .def_property_readonly("steps", [](const RunHandle &h) { return runOf(h).steps(); })
        .def("__len__", [](const RunHandle &h) { return runOf(h).steps(); })
        .def_property_readonly("num_layers", [](const RunHandle &h) { return runOf(h).numLayers(); })
        .def_property_readonly("hidden_size", [](const RunHandle &h) { return runOf(h).hiddenSize(); })
        .def_property_readonly("vocab_size", [](const RunHandle &h) { return runOf(h).vocabSize(); })
        .def_property_readonly("vocabulary", [](const RunHandle &h) { return runOf(h).vocabulary(); })
        .def_property_readonly("has_signals", [](const RunHandle &h) { return runOf(h).hasSignals(); })
        .def_property_readonly(
            "tokens",
            [](const RunHandle &h) { return vectorView(runOf(h).tokens().data(), runOf(h).steps(), h.run); },
            "[T] int32: the token taken at each step (</s> included when reached).")
        .def_property_readonly(
            "inputs",
            [](const RunHandle &h) { return vectorView(runOf(h).inputs().data(), runOf(h).steps(), h.run); },
            "[T] int32: the token each step consumed.")
        .def_property_readonly(
            "forced",
            [](const RunHandle &h) {
                py::array_t<bool> out(runOf(h).steps());
                auto w = out.mutable_unchecked<1>();
                for (int t = 0; t < runOf(h).steps(); ++t)
                    w(t) = runOf(h).forced(t);
                return out;
            },
            "[T] bool: True where the token was given (prime, teacher forcing), not sampled.")
        .def_property_readonly(
            "log_probs",
            [](const RunHandle &h) {
                const auto lp = runOf(h).logProbMatrix();
                return rowMajorView(lp.data(), lp.rows(), lp.cols(), h.run);
            },
            "[T, V] float64: natural log of the (temperature-scaled) distribution of each step.")
        .def_property_readonly(
            "logits",
            [](const RunHandle &h) {
                const auto lg = runOf(h).logitMatrix();
                return rowMajorView(lg.data(), lg.rows(), lg.cols(), h.run);
            },
            "[T, V] float64: the pre-softmax values (before the temperature).")
        .def_property_readonly(
            "chosen_log_probs",
            [](const RunHandle &h) {
                py::array_t<double> out(runOf(h).steps());
                auto w = out.mutable_unchecked<1>();
                for (int t = 0; t < runOf(h).steps(); ++t)
                    w(t) = runOf(h).chosenLogProb(t);
                return out;
            },
            "[T] float64: log p of the token taken at each step.")
        .def("signal", &signalView, py::arg("layer"), py::arg("signal") = "h",
             "[T, H] float32 view of one layer's h, c, i, f, o or g over the steps (layer from 1).")
        .def_property_readonly(
            "tune", [](const RunHandle &h) { return tuneText(runOf(h)); },
            "The tune as folk-rnn prints it: the tokens after <s> up to and excluding </s>.")
        .def_property_readonly(
            "text",
            [](const RunHandle &h) {
                std::string out;
                for (const std::string &t : tuneText(runOf(h)))
                    out += (out.empty() ? "" : " ") + t;
                return out;
            },
            "The tune's tokens joined by spaces (folkrnn-cli generate --format tokens).")
        .def_property_readonly(
            "ended",
            [](const RunHandle &h) {
                const Run &r = runOf(h);
                return r.steps() > 0 && r.tokenText(r.token(r.steps() - 1)) == "</s>";
            },
            "True when the tune reached </s>.")
        .def("__repr__", [](const RunHandle &h) {
            return "<folkrnn.Run " + std::to_string(runOf(h).steps()) + " steps, " + std::to_string(runOf(h).numLayers()) +
                   " x " + std::to_string(runOf(h).hiddenSize()) + (runOf(h).hasSignals() ? ", with signals>" : ">");
        });
}

} // namespace folkrnn::python

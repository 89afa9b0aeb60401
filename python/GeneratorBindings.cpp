#include "Settings.h"

#include <pybind11/stl.h>

namespace folkrnn::python {

namespace {

// The generator, for a quick read; refused while another thread runs it.
const Generator &idle(const GeneratorHandle &h)
{
    if (h.busy)
        throw std::runtime_error("this Generator is running in another thread; wait for that call to return");
    return *h.generator;
}

std::shared_ptr<const Run> snapshot(const GeneratorHandle &h) { return std::make_shared<const Run>(h.generator->run()); }

std::shared_ptr<GeneratorHandle> makeGenerator(std::shared_ptr<ModelHandle> model, long long seed, double temperature,
                                               const py::object &prime, long long maxLength,
                                               const std::vector<Intervention> &interventions, const py::object &tune,
                                               bool signals)
{
    if (!model)
        throw py::value_error("model: give a folkrnn.Model");
    GenerationSettings s = tune.is_none() ? samplingSettings(*model->model, seed, temperature, prime, maxLength)
                                          : forcedSettings(*model->model, tune);
    if (!tune.is_none() && !prime.is_none())
        throw py::value_error("prime and tune cannot be used together");
    InterventionSet set = interventionSet(interventions, *model->model);
    auto h = std::make_shared<GeneratorHandle>();
    h->generator = std::make_unique<Generator>(model->model, std::move(s), signals);
    h->generator->simulator().setInterventions(std::move(set));
    h->model = std::move(model);
    return h;
}

} // namespace

void bindGenerator(py::module_ &m)
{
    py::class_<GeneratorHandle, std::shared_ptr<GeneratorHandle>>(
        m, "Generator",
        "The original sampler's loop as a stepper (the inspector's): step forward one token, step back exactly "
        "(state and RNG position restored), change interventions and re-run from the first step they change.")
        .def(py::init(&makeGenerator), py::arg("model"), py::arg("seed") = 42, py::arg("temperature") = 1.0,
             py::arg("prime") = py::none(), py::arg("max_length") = 1000,
             py::arg("interventions") = std::vector<Intervention>{}, py::arg("tune") = py::none(),
             py::arg("signals") = true,
             "Sampling from `seed` after an optional `prime`, or teacher-forced over `tune` (token text or tokens). "
             "signals=False records log-probabilities only (a session needs them).")
        .def_property_readonly("model", [](const GeneratorHandle &h) { return h.model; })
        .def_property_readonly("steps", [](const GeneratorHandle &h) { return idle(h).run().steps(); })
        .def_property_readonly("finished", [](const GeneratorHandle &h) { return idle(h).finished(); })
        .def_property_readonly("seed", [](const GeneratorHandle &h) { return idle(h).settings().seed; })
        .def_property_readonly("temperature", [](const GeneratorHandle &h) { return idle(h).settings().temperature; })
        .def_property_readonly("teacher_forced", [](const GeneratorHandle &h) { return idle(h).settings().teacherForced(); })
        .def(
            "step",
            [](GeneratorHandle &h) -> py::object {
                BusyGuard busy(h);
                const int token = h.generator->stepForward();
                return token < 0 ? py::object(py::none()) : py::object(py::int_(token));
            },
            "Takes one step; returns the token id taken, or None when the tune is finished.")
        .def(
            "step_back",
            [](GeneratorHandle &h, int n) {
                BusyGuard busy(h);
                if (n < 0 || n > h.generator->run().steps())
                    throw py::value_error("step_back: " + std::to_string(n) + " steps, the run has " +
                                          std::to_string(h.generator->run().steps()));
                for (int k = 0; k < n; ++k)
                    h.generator->stepBack();
            },
            py::arg("n") = 1, "Undoes the last n steps exactly.")
        .def(
            "run_to_end",
            [](GeneratorHandle &h) {
                BusyGuard busy(h);
                runInterruptibly([&] {
                    if (h.generator->finished())
                        return false;
                    h.generator->stepForward();
                    return true;
                });
                return wrapRun(snapshot(h));
            },
            "Steps until </s> or max_length (the GIL released; Ctrl+C stops it where it got); returns the run.")
        .def_property_readonly(
            "run", [](GeneratorHandle &h) {
                BusyGuard busy(h);
                return wrapRun(snapshot(h));
            },
            "A snapshot of the run so far (later steps do not change it).")
        .def_property_readonly("interventions",
                               [](const GeneratorHandle &h) { return idle(h).simulator().interventions().items; })
        .def(
            "set_interventions",
            [](GeneratorHandle &h, const std::vector<Intervention> &items) {
                BusyGuard busy(h);
                InterventionSet set = interventionSet(items, *h.model->model);
                py::gil_scoped_release release;
                h.generator->setInterventions(std::move(set));
            },
            py::arg("interventions"),
            "Replaces the interventions and re-runs from the first step they can change, keeping the RNG stream "
            "(steps before it are kept as recorded).")
        .def(
            "restart",
            [](GeneratorHandle &h) {
                BusyGuard busy(h);
                h.generator->restartTune();
            },
            "Back to step 0 of this tune, the RNG rewound to where it started.")
        .def(
            "next_tune",
            [](GeneratorHandle &h) {
                BusyGuard busy(h);
                h.generator->startNextTune();
            },
            "Starts the next tune from the current RNG position (the original sampler's tune after tune).")
        .def("__repr__", [](const GeneratorHandle &h) -> std::string {
            if (h.busy)
                return "<folkrnn.Generator (running)>";
            return "<folkrnn.Generator seed " + std::to_string(h.generator->settings().seed) + ", " +
                   std::to_string(h.generator->run().steps()) + " steps" + (h.generator->finished() ? ", finished>" : ">");
        });
}

} // namespace folkrnn::python

#include "Bindings.h"

#include "core/session/OpenSession.h"
#include "core/session/SessionFile.h"

#include <pybind11/stl.h>

// Session files (.frnsession, core/session/SESSION-FORMAT.md): what the inspector opens.
namespace folkrnn::python {

namespace {

struct SessionHandle {
    Session session;
    std::optional<SessionOpenStatus> status; // none: captured from a Generator here
    std::string message, modelProblem, modelPath;
    std::optional<ReplayCheck> replay;
    std::shared_ptr<ModelHandle> model;         // null when the model was not usable
    std::shared_ptr<GeneratorHandle> generator; // the replay, ready to go on; null when read-only
};

const char *statusName(const std::optional<SessionOpenStatus> &status)
{
    if (!status)
        return "captured";
    switch (*status) {
    case SessionOpenStatus::Replayed:
        return "replayed";
    case SessionOpenStatus::ReplayMismatch:
        return "replay_mismatch";
    case SessionOpenStatus::ModelMissing:
        return "model_missing";
    case SessionOpenStatus::ModelDifferent:
        return "model_different";
    case SessionOpenStatus::ModelUnreadable:
        return "model_unreadable";
    }
    return "unknown";
}

std::shared_ptr<SessionHandle> capture(GeneratorHandle &g, const std::string &notes)
{
    if (g.busy)
        throw std::runtime_error("this Generator is running in another thread; wait for that call to return");
    if (!g.generator->run().hasSignals())
        throw py::value_error("a session stores the whole trace: make the Generator with signals=True");
    if (!isValidUtf8(notes))
        throw py::value_error("notes: not UTF-8");
    auto s = std::make_shared<SessionHandle>();
    {
        py::gil_scoped_release release; // hashes every weight (the model's fingerprint)
        s->session = captureSession(*g.generator, g.model->path);
    }
    s->session.notes = notes;
    s->modelPath = s->session.modelPath;
    s->message = "captured from a Generator";
    s->model = g.model;
    return s;
}

std::shared_ptr<SessionHandle> open(const std::string &path, const std::shared_ptr<ModelHandle> &model)
{
    OpenSessionOptions options;
    if (model) {
        options.model = model->model;
        options.modelPath = model->path;
    }
    OpenedSession opened = fileCall([&] {
        py::gil_scoped_release release; // the replay runs the whole tune
        return openSession(path, options);
    });
    auto s = std::make_shared<SessionHandle>();
    s->session = std::move(opened.session);
    s->status = opened.status;
    s->message = opened.message;
    s->modelProblem = opened.modelProblem;
    s->modelPath = opened.modelPath;
    s->replay = opened.replay;
    if (opened.model) {
        if (model && model->model == opened.model) {
            s->model = model;
        } else {
            s->model = std::make_shared<ModelHandle>();
            s->model->model = opened.model;
            s->model->path = opened.modelPath;
        }
    }
    if (opened.generator && s->model) {
        s->generator = std::make_shared<GeneratorHandle>();
        s->generator->model = s->model;
        s->generator->generator = std::move(opened.generator);
    }
    return s;
}

} // namespace

void bindSession(py::module_ &m)
{
    py::class_<SessionHandle, std::shared_ptr<SessionHandle>>(
        m, "Session",
        "A session file (.frnsession) as the inspector reads and writes it: the model's path and fingerprint, the "
        "settings, the interventions and the recorded trace.")
        .def(py::init(&capture), py::arg("generator"), py::arg("notes") = "",
             "The tune `generator` holds now (it must record signals), for saving.")
        .def_static("open", &open, py::arg("path"), py::arg("model") = nullptr,
                    "Reads a session and replays it with its model (or `model`, when its fingerprint matches). A "
                    "missing or different model is a status, not an error; a bad file raises folkrnn.InputError.")
        .def(
            "save",
            [](const SessionHandle &s, const std::string &path) {
                fileCall([&] {
                    py::gil_scoped_release release;
                    saveSession(s.session, path);
                });
            },
            py::arg("path"),
            "Writes atomically (checked by reading it back); the previous file is kept on any failure "
            "(folkrnn.InputError).")
        .def_property_readonly("status", [](const SessionHandle &s) { return statusName(s.status); },
                               "captured (made here from a Generator), replayed, replay_mismatch, model_missing, model_different or model_unreadable.")
        .def_property_readonly("message", [](const SessionHandle &s) { return s.message; })
        .def_property_readonly("model_problem", [](const SessionHandle &s) { return s.modelProblem; })
        .def_property_readonly("read_only", [](const SessionHandle &s) { return !s.generator; })
        .def_property_readonly("model_path", [](const SessionHandle &s) { return s.session.modelPath; })
        .def_property_readonly("model_fingerprint", [](const SessionHandle &s) { return s.session.modelFingerprint; })
        .def_property_readonly("model_name", [](const SessionHandle &s) { return s.session.modelName; })
        .def_property_readonly("model", [](const SessionHandle &s) { return s.model; }, "The model used, or None.")
        .def_property_readonly("generator", [](const SessionHandle &s) { return s.generator; },
                               "The replayed Generator, positioned at the end, or None when read-only.")
        .def_property_readonly("run", [](const SessionHandle &s) { return wrapRun(s.session.run); },
                               "The stored trace.")
        .def_property_readonly(
            "reproduced", [](const SessionHandle &s) -> py::object {
                if (!s.replay)
                    return py::none();
                return py::bool_(s.replay->reproduced());
            },
            "Whether the replay took the stored tokens (None when there was no replay).")
        .def_property_readonly("seed", [](const SessionHandle &s) { return s.session.settings.seed; })
        .def_property_readonly("temperature", [](const SessionHandle &s) { return s.session.settings.temperature; })
        .def_property_readonly("prime", [](const SessionHandle &s) { return s.session.settings.prime; })
        .def_property_readonly("max_length", [](const SessionHandle &s) { return s.session.settings.maxLength; })
        .def_property_readonly("tune", [](const SessionHandle &s) { return s.session.settings.forcedTune; },
                               "Teacher-forced tokens; empty when sampled.")
        .def_property_readonly("interventions", [](const SessionHandle &s) { return s.session.interventions.items; })
        .def_property(
            "notes", [](const SessionHandle &s) { return s.session.notes; },
            [](SessionHandle &s, const std::string &notes) {
                if (!isValidUtf8(notes))
                    throw py::value_error("notes: not UTF-8");
                s.session.notes = notes;
            })
        .def("__repr__", [](const SessionHandle &s) {
            return std::string("<folkrnn.Session ") + statusName(s.status) + ", " +
                   std::to_string(s.session.run ? s.session.run->steps() : 0) + " steps>";
        });
}

} // namespace folkrnn::python

#pragma once
// What the binding files share: the objects Python holds (each owns its core data through a
// shared_ptr, so a numpy view can keep it alive), read-only views without copies, errors, and
// the GIL-free loop that still honours Ctrl+C.
#include "core/intervene/Intervention.h"
#include "core/model/Model.h"
#include "core/sim/Generator.h"
#include "core/sim/Run.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <atomic>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace folkrnn::python {

namespace py = pybind11;

// A model opened from a file; `path` is what a session records.
struct ModelHandle {
    std::shared_ptr<const Model> model;
    std::string path;
};

// A recorded trace, never changed once Python sees it (a Generator hands out snapshots).
struct RunHandle {
    std::shared_ptr<const Run> run;
};

// The sampler loop as a stepper. `busy` is set while a call runs without the GIL, so a second
// Python thread gets an error instead of racing on the generator.
struct GeneratorHandle {
    std::shared_ptr<ModelHandle> model;
    std::unique_ptr<Generator> generator;
    bool busy = false;
};

// Thrown for bad files: Python sees folkrnn.InputError (a subclass of OSError). core's InputError
// alone means a bad argument (ValueError): the same type reports both in core, so each binding
// that reads or writes a file says which it is (fileCall).
struct FileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

template <class F>
auto fileCall(F &&f) -> decltype(f())
{
    try {
        return f();
    } catch (const std::runtime_error &e) {
        if (dynamic_cast<const FileError *>(&e))
            throw;
        throw FileError(e.what());
    }
}

// numpy array over memory that `owner` keeps alive: no copy, not writeable, base is a capsule
// holding a share of the owner.
template <class T, class Owner>
py::array readOnlyView(const T *data, std::vector<py::ssize_t> shape, std::vector<py::ssize_t> strides,
                       std::shared_ptr<Owner> owner)
{
    auto *keep = new std::shared_ptr<Owner>(std::move(owner));
    py::capsule base(keep, [](void *p) { delete static_cast<std::shared_ptr<Owner> *>(p); });
    py::array a(py::dtype::of<T>(), std::move(shape), std::move(strides), data, base);
    py::detail::array_proxy(a.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
    return a;
}

// Row-major [rows, cols] and column-major (Eigen's default) [rows, cols] views.
template <class T, class Owner>
py::array rowMajorView(const T *data, Eigen::Index rows, Eigen::Index cols, std::shared_ptr<Owner> owner)
{
    const auto s = static_cast<py::ssize_t>(sizeof(T));
    return readOnlyView(data, {rows, cols}, {cols * s, s}, std::move(owner));
}
template <class T, class Owner>
py::array colMajorView(const T *data, Eigen::Index rows, Eigen::Index cols, std::shared_ptr<Owner> owner)
{
    const auto s = static_cast<py::ssize_t>(sizeof(T));
    return readOnlyView(data, {rows, cols}, {s, rows * s}, std::move(owner));
}
template <class T, class Owner>
py::array vectorView(const T *data, Eigen::Index n, std::shared_ptr<Owner> owner)
{
    return readOnlyView(data, {static_cast<py::ssize_t>(n)}, {static_cast<py::ssize_t>(sizeof(T))}, std::move(owner));
}

// Calls `step` without the GIL until it returns false, taking the GIL back about every 50 ms to
// let Python see Ctrl+C (KeyboardInterrupt is raised from here, the work left as far as it got).
void runInterruptibly(const std::function<bool()> &step);

// Token ids from None (empty), token text ("M:6/8 K:Cmaj |"), or a sequence of token texts
// and/or ids. ValueError names `what` and every token the vocabulary lacks.
std::vector<int> tokenIds(const Model &model, const py::handle &tokens, const std::string &what);

// Layer numbers in Python count from 1, as in the CLI, the GUI and the posts.
int layerIndex(const Model &model, int layer);
Signal signalFromName(const std::string &name);
Gate gateFromName(const std::string &name);

InterventionSet interventionSet(const std::vector<Intervention> &items, const Model &model);

py::object wrapRun(std::shared_ptr<const Run> run);

void bindErrors(py::module_ &m);
void bindModel(py::module_ &m);
void bindRun(py::module_ &m);
void bindInterventions(py::module_ &m);
void bindGenerate(py::module_ &m);
void bindGenerator(py::module_ &m);
void bindAnalyses(py::module_ &m);
void bindCompare(py::module_ &m);
void bindSession(py::module_ &m);

} // namespace folkrnn::python

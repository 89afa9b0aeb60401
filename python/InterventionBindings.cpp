#include "Bindings.h"

#include "core/intervene/InterventionText.h"

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <climits>
#include <cmath>

namespace folkrnn::python {

namespace {

// Any integer, numpy's included, through __index__ (TypeError otherwise).
long long indexOf(const py::handle &v)
{
    PyObject *index = PyNumber_Index(v.ptr());
    if (!index)
        throw py::error_already_set();
    const long long n = PyLong_AsLongLong(index);
    Py_DECREF(index);
    if (n == -1 && PyErr_Occurred())
        throw py::error_already_set();
    return n;
}

// steps: None (every step), an int (that step), a range with step 1 (Python's half-open
// bounds), or a slice with open ends (slice(10, None): from step 10 on). Core's bounds are inclusive.
void setSteps(Intervention &i, const py::handle &steps)
{
    long long from = 0, to = INT_MAX;
    const auto bound = [](const py::handle &v) { return indexOf(v); };
    if (steps.is_none()) {
    } else if (py::isinstance<py::slice>(steps)) {
        if (!steps.attr("step").is_none() && bound(steps.attr("step")) != 1)
            throw py::value_error("steps: a slice with a step other than 1 is not a step range");
        if (!steps.attr("start").is_none())
            from = bound(steps.attr("start"));
        if (!steps.attr("stop").is_none())
            to = bound(steps.attr("stop")) - 1;
    } else if (py::isinstance(steps, py::module_::import("builtins").attr("range"))) {
        if (bound(steps.attr("step")) != 1)
            throw py::value_error("steps: a range with a step other than 1 is not a step range");
        from = bound(steps.attr("start"));
        to = bound(steps.attr("stop")) - 1;
    } else {
        from = to = bound(steps);
    }
    if (from < 0 || to < from)
        throw py::value_error("steps: the range " + std::to_string(from) + ".." + std::to_string(to) +
                              " is empty or negative (steps count from 0)");
    i.fromStep = static_cast<int>(std::min<long long>(from, INT_MAX));
    i.toStep = static_cast<int>(std::min<long long>(to, INT_MAX));
}

std::vector<int> unitList(const py::handle &units)
{
    std::vector<int> out;
    const auto add = [&](const py::handle &u) {
        const long long n = indexOf(u);
        if (n < 0 || n > INT_MAX)
            throw py::value_error("unit " + std::to_string(n) + " does not exist (units count from 0)");
        out.push_back(static_cast<int>(n));
    };
    if (PyIndex_Check(units.ptr()))
        add(units);
    else
        for (const py::handle u : units)
            add(u);
    if (out.empty())
        throw py::value_error("units: give at least one unit");
    return out;
}

InterventionTarget targetFromName(const std::string &name)
{
    if (name == "h")
        return InterventionTarget::Hidden;
    if (name == "c")
        return InterventionTarget::Cell;
    throw py::value_error("target \"" + name + "\" is not \"h\" (hidden state) or \"c\" (cell state)");
}

Intervention make(int layer, const py::handle &units, InterventionKind kind, double value, const py::handle &steps,
                  const std::string &target)
{
    if (layer < 1)
        throw py::value_error("layer " + std::to_string(layer) + " does not exist (layers count from 1)");
    if (!std::isfinite(value))
        throw py::value_error("value is not a finite number");
    Intervention i;
    i.layer = layer - 1;
    i.units = unitList(units);
    i.kind = kind;
    i.value = value;
    i.target = targetFromName(target);
    setSteps(i, steps);
    return i;
}

} // namespace

InterventionSet interventionSet(const std::vector<Intervention> &items, const Model &model)
{
    InterventionSet set;
    set.items = items;
    set.validate(model.numLayers(), model.hiddenSize()); // InputError: ValueError
    return set;
}

void bindInterventions(py::module_ &m)
{
    py::class_<Intervention>(m, "Intervention",
                             "A change made inside the step, as folkrnn-cli's --clamp, --clamp-cell, --scale and "
                             "--ablate make it: at each step in `steps`, after layer `layer` computes its state, "
                             "h[u] := value (clamp) or h[u] *= value (scale) for each unit; a \"c\" target changes "
                             "the cell state before h = o * tanh(c). The next layer and the next step see the change.")
        .def_property_readonly("layer", [](const Intervention &i) { return i.layer + 1; }, "From 1.")
        .def_property_readonly("units", [](const Intervention &i) { return i.units; })
        .def_property_readonly("kind", [](const Intervention &i) { return i.kind == InterventionKind::Clamp ? "clamp" : "scale"; })
        .def_property_readonly("target", [](const Intervention &i) { return i.target == InterventionTarget::Hidden ? "h" : "c"; })
        .def_property_readonly("value", [](const Intervention &i) { return i.value; })
        .def_property_readonly(
            "steps",
            [](const Intervention &i) -> py::object {
                const py::object stop = i.toStep == INT_MAX ? py::object(py::none()) : py::object(py::int_(i.toStep + 1));
                return py::module_::import("builtins").attr("slice")(i.fromStep, stop);
            },
            "The steps acted on, as a slice (stop None: to the end).")
        .def_property_readonly("text", &formatIntervention, "The CLI's spelling (L:U=V@FROM-TO).")
        .def_static(
            "parse",
            [](const std::string &option, const std::string &text) {
                const std::string o = option.rfind("--", 0) == 0 ? option : "--" + option;
                if (o == "--clamp")
                    return parseClamp(text, InterventionTarget::Hidden, InterventionKind::Clamp, o);
                if (o == "--clamp-cell")
                    return parseClamp(text, InterventionTarget::Cell, InterventionKind::Clamp, o);
                if (o == "--scale")
                    return parseClamp(text, InterventionTarget::Hidden, InterventionKind::Scale, o);
                if (o == "--ablate")
                    return parseAblation(text, o);
                throw py::value_error("option \"" + option + "\" is not clamp, clamp-cell, scale or ablate");
            },
            py::arg("option"), py::arg("text"),
            "The intervention folkrnn-cli builds from `--OPTION TEXT`, e.g. parse(\"clamp\", \"3:156=0.8@10-40\").")
        .def(py::self == py::self)
        .def("__repr__", [](const Intervention &i) {
            return std::string("<folkrnn.Intervention ") + (i.kind == InterventionKind::Clamp ? "clamp" : "scale") +
                   (i.target == InterventionTarget::Cell ? "-cell " : " ") + formatIntervention(i) + ">";
        });

    m.def(
        "clamp",
        [](int layer, const py::object &unit, double value, const py::object &steps, const std::string &target) {
            return make(layer, unit, InterventionKind::Clamp, value, steps, target);
        },
        py::arg("layer"), py::arg("unit"), py::arg("value"), py::arg("steps") = py::none(), py::arg("target") = "h",
        "Sets unit(s) of `layer` (from 1) to `value` at `steps` (None: every step; a range, a slice or one step). "
        "folkrnn.clamp(3, 156, 0.8, steps=range(10, 41)) is --clamp 3:156=0.8@10-40.");
    m.def(
        "scale",
        [](int layer, const py::object &unit, double factor, const py::object &steps, const std::string &target) {
            return make(layer, unit, InterventionKind::Scale, factor, steps, target);
        },
        py::arg("layer"), py::arg("unit"), py::arg("factor"), py::arg("steps") = py::none(), py::arg("target") = "h",
        "Multiplies unit(s) by `factor`: folkrnn.scale(3, 156, 2.0) is --scale 3:156=2.");
    m.def(
        "ablate",
        [](int layer, const py::object &units, const py::object &steps) {
            return make(layer, units, InterventionKind::Clamp, 0.0, steps, "h");
        },
        py::arg("layer"), py::arg("units"), py::arg("steps") = py::none(),
        "Clamps the units' h to 0: folkrnn.ablate(3, [60, 97]) is --ablate 3:60,97.");
}

} // namespace folkrnn::python

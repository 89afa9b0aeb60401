#include "Bindings.h"

#include "core/model/TokenText.h"
#include "core/util/Error.h"

namespace folkrnn::python {

std::vector<int> tokenIds(const Model &model, const py::handle &tokens, const std::string &what)
{
    if (tokens.is_none())
        return {};
    if (py::isinstance<py::str>(tokens))
        return encodeTokens(model.vocabulary, tokens.cast<std::string>(), what);
    if (!py::isinstance<py::iterable>(tokens))
        throw py::type_error(what + ": give token text (a str) or a sequence of tokens (str) or token ids (int)");
    std::vector<int> ids;
    std::string missing;
    for (const py::handle item : tokens) {
        if (py::isinstance<py::str>(item)) {
            const std::string text = item.cast<std::string>();
            const int id = model.tokenIndex(text);
            if (id < 0)
                missing += (missing.empty() ? "\"" : ", \"") + text + "\"";
            ids.push_back(id);
            continue;
        }
        // Any integer (numpy's included) through __index__.
        PyObject *index = PyNumber_Index(item.ptr());
        if (!index)
            throw py::error_already_set();
        const long long id = PyLong_AsLongLong(index);
        Py_DECREF(index);
        if (id == -1 && PyErr_Occurred())
            throw py::error_already_set();
        if (id < 0 || id >= model.vocabSize())
            throw py::value_error(what + ": token id " + std::to_string(id) + " is outside the vocabulary (0.." +
                                  std::to_string(model.vocabSize() - 1) + ")");
        ids.push_back(static_cast<int>(id));
    }
    if (!missing.empty())
        throw py::value_error(what + ": not in the model's vocabulary: " + missing);
    return ids;
}

int layerIndex(const Model &model, int layer)
{
    if (layer < 1 || layer > model.numLayers())
        throw py::value_error("layer " + std::to_string(layer) + " does not exist (the model has layers 1.." +
                              std::to_string(model.numLayers()) + ")");
    return layer - 1;
}

Signal signalFromName(const std::string &name)
{
    Signal s;
    if (!parseSignal(name, s))
        throw py::value_error("signal \"" + name + "\" is not one of h, c, i, f, o, g");
    return s;
}

Gate gateFromName(const std::string &name)
{
    for (Gate g : kGates)
        if (name == gateSuffix(g))
            return g;
    throw py::value_error("gate \"" + name + "\" is not one of i, f, c, o");
}

} // namespace folkrnn::python

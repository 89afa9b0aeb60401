#include "Bindings.h"

#include "core/model/OpenModel.h"

#include <pybind11/stl.h>

namespace folkrnn::python {

namespace {

struct LayerHandle {
    std::shared_ptr<const Model> model;
    int index = 0; // from 0

    const LstmLayer &layer() const { return model->layers[static_cast<std::size_t>(index)]; }
};

// Weights are Eigen's column-major float matrices, shown with their own strides (no copy).
py::array matrixView(const Eigen::MatrixXf &m, const std::shared_ptr<const Model> &owner)
{
    return colMajorView(m.data(), m.rows(), m.cols(), owner);
}
py::array vectorOf(const Eigen::VectorXf &v, const std::shared_ptr<const Model> &owner)
{
    return vectorView(v.data(), v.size(), owner);
}

py::dict layerWeights(const LayerHandle &l)
{
    py::dict d;
    for (Gate g : kGates) {
        const std::string s = gateSuffix(g);
        d[py::str("W_x" + s)] = matrixView(l.layer().wx(g), l.model);
        d[py::str("W_h" + s)] = matrixView(l.layer().wh(g), l.model);
        d[py::str("b_" + s)] = vectorOf(l.layer().bias(g), l.model);
    }
    d["h0"] = vectorOf(l.layer().h0, l.model);
    d["c0"] = vectorOf(l.layer().c0, l.model);
    return d;
}

} // namespace

void bindModel(py::module_ &m)
{
    py::class_<LayerHandle>(m, "Layer", "One LSTM layer's weights, as read-only numpy views of the model's memory "
                                        "(row-vector convention: z = x·W_x + h·W_h + b).")
        .def_property_readonly("number", [](const LayerHandle &l) { return l.index + 1; }, "From 1, as in the CLI.")
        .def_property_readonly("input_size", [](const LayerHandle &l) { return l.layer().inputSize(); })
        .def_property_readonly("hidden_size", [](const LayerHandle &l) { return l.layer().hiddenSize(); })
        .def(
            "W_x", [](const LayerHandle &l, const std::string &gate) { return matrixView(l.layer().wx(gateFromName(gate)), l.model); },
            py::arg("gate"), "[input_size, H] input weights of gate \"i\", \"f\", \"c\" or \"o\".")
        .def(
            "W_h", [](const LayerHandle &l, const std::string &gate) { return matrixView(l.layer().wh(gateFromName(gate)), l.model); },
            py::arg("gate"), "[H, H] recurrent weights of a gate.")
        .def(
            "b", [](const LayerHandle &l, const std::string &gate) { return vectorOf(l.layer().bias(gateFromName(gate)), l.model); },
            py::arg("gate"), "[H] bias of a gate.")
        .def_property_readonly("h0", [](const LayerHandle &l) { return vectorOf(l.layer().h0, l.model); })
        .def_property_readonly("c0", [](const LayerHandle &l) { return vectorOf(l.layer().c0, l.model); })
        .def_property_readonly("weights", &layerWeights,
                               "Every array by its HDF5 name: W_xi, W_hi, b_i, ... W_xo, W_ho, b_o, h0, c0.")
        .def("__repr__", [](const LayerHandle &l) {
            return "<folkrnn.Layer " + std::to_string(l.index + 1) + ": " + std::to_string(l.layer().inputSize()) +
                   " -> " + std::to_string(l.layer().hiddenSize()) + ">";
        });

    py::class_<ModelHandle, std::shared_ptr<ModelHandle>>(
        m, "Model", "A folk-rnn LSTM model (weights and vocabulary). Open one with Model.open(path).")
        .def_static(
            "open",
            [](const std::string &path) {
                auto h = std::make_shared<ModelHandle>();
                h->model = std::make_shared<const Model>(fileCall([&] { return openModel(path); }));
                h->path = path;
                return h;
            },
            py::arg("path"),
            "Opens the project's HDF5 model format or a folk-rnn .pkl file (read by the safe pickle reader). "
            "Raises folkrnn.InputError naming the file and the problem.")
        .def_static(
            "bundled",
            []() {
                const std::string path = bundledModelPath();
                if (path.empty())
                    throw FileError("no bundled model found (set $FOLKRNN_MODEL or give a path to Model.open)");
                auto h = std::make_shared<ModelHandle>();
                h->model = std::make_shared<const Model>(fileCall([&] { return openModel(path); }));
                h->path = path;
                return h;
            },
            "The bundled Nottingham model ($FOLKRNN_MODEL, the installed copy, or the source tree's).")
        .def_property_readonly("path", [](const ModelHandle &h) { return h.path; })
        .def_property_readonly("name", [](const ModelHandle &h) { return h.model->provenance.name; })
        .def_property_readonly("vocabulary", [](const ModelHandle &h) { return h.model->vocabulary; },
                               "Token texts; the index is the token id.")
        .def_property_readonly("vocab_size", [](const ModelHandle &h) { return h.model->vocabSize(); })
        .def_property_readonly("num_layers", [](const ModelHandle &h) { return h.model->numLayers(); })
        .def_property_readonly("hidden_size", [](const ModelHandle &h) { return h.model->hiddenSize(); })
        .def_property_readonly("input_size", [](const ModelHandle &h) { return h.model->inputSize(); })
        .def_property_readonly("parameter_count", [](const ModelHandle &h) { return h.model->parameterCount(); })
        .def(
            "token_id",
            [](const ModelHandle &h, const std::string &text) {
                const int id = h.model->tokenIndex(text);
                if (id < 0)
                    throw py::value_error("token \"" + text + "\" is not in the model's vocabulary");
                return id;
            },
            py::arg("text"))
        .def(
            "encode", [](const ModelHandle &h, const py::object &tokens) { return tokenIds(*h.model, tokens, "tokens"); },
            py::arg("tokens"), "Token ids of token text or a sequence of tokens.")
        .def(
            "decode",
            [](const ModelHandle &h, const py::object &ids) {
                std::string out;
                for (int id : tokenIds(*h.model, ids, "ids"))
                    out += (out.empty() ? "" : " ") + h.model->vocabulary[static_cast<std::size_t>(id)];
                return out;
            },
            py::arg("ids"), "Token text (joined by spaces) of token ids.")
        .def_property_readonly(
            "layers",
            [](const ModelHandle &h) {
                std::vector<LayerHandle> out;
                for (int k = 0; k < h.model->numLayers(); ++k)
                    out.push_back({h.model, k});
                return out;
            },
            "The LSTM layers, bottom first: layers[0].number == 1.")
        .def(
            "layer", [](const ModelHandle &h, int n) { return LayerHandle{h.model, layerIndex(*h.model, n)}; },
            py::arg("number"), "Layer `number`, counted from 1.")
        .def_property_readonly(
            "embedding",
            [](const ModelHandle &h) -> py::object {
                if (!h.model->embedding)
                    return py::none();
                return matrixView(*h.model->embedding, h.model);
            },
            "[V, E] input embedding, or None for one-hot input.")
        .def_property_readonly("softmax_W", [](const ModelHandle &h) { return matrixView(h.model->denseW, h.model); },
                               "[H, V]: logits = h_L·W + b.")
        .def_property_readonly("softmax_b", [](const ModelHandle &h) { return vectorOf(h.model->denseB, h.model); })
        .def("__repr__", [](const ModelHandle &h) {
            return "<folkrnn.Model " + h.model->provenance.name + ": " + std::to_string(h.model->numLayers()) + " x " +
                   std::to_string(h.model->hiddenSize()) + ", " + std::to_string(h.model->vocabSize()) + " tokens>";
        });
}

} // namespace folkrnn::python

#include "Bindings.h"

#include "core/analysis/GateCosine.h"
#include "core/analysis/GateInputs.h"
#include "core/analysis/GateSubspace.h"
#include "core/analysis/Gramian.h"
#include "core/analysis/LogitPush.h"
#include "core/analysis/SoftmaxSvd.h"

#include <pybind11/eigen.h>
#include <pybind11/stl.h>

// The analyses of a model's weights (core/analysis), layers from 1 and gates "i" "f" "c" "o".
namespace folkrnn::python {

using namespace folkrnn::analysis;

namespace {

const LstmLayer &layerOf(const ModelHandle &h, int layer)
{
    return h.model->layers[static_cast<std::size_t>(layerIndex(*h.model, layer))];
}

} // namespace

void bindWeightAnalyses(py::module_ &m)
{
    m.def(
        "normalised_gramian",
        [](const WeightsRef &items) {
            py::gil_scoped_release release;
            return normalisedGramian(items);
        },
        py::arg("items"),
        "Parts 2 and 4: [n, n] cosines between the n rows of `items` (float32; e.g. model.softmax_W, whose row u is "
        "unit u's vector over the tokens).");
    m.def(
        "row_variance", [](const Eigen::Ref<const RowMatrixXd> &g) { return rowVariance(g); }, py::arg("gram"),
        "[n] population variance of each row of a Gramian (the posts sort by it).");
    m.def(
        "order_by_row_variance", [](const Eigen::Ref<const RowMatrixXd> &g) { return orderByRowVariance(g); },
        py::arg("gram"), "Rows by ascending variance.");
    m.def(
        "softmax_svd",
        [](const ModelHandle &h) {
            SoftmaxSvd s;
            {
                py::gil_scoped_release release;
                s = softmaxSvd(h.model->denseW);
            }
            py::dict d;
            d["singular_values"] = std::move(s.singularValues);
            d["token_vectors"] = std::move(s.tokenVectors);
            d["unit_vectors"] = std::move(s.unitVectors);
            return d;
        },
        py::arg("model"),
        "Part 3: SVD of the softmax matrix V = softmax_W^T: singular_values [r], token_vectors [V, r] (u_i), "
        "unit_vectors [H, r] (w_i), V w_i = s_i u_i, each pair signed so u_i's largest entry is positive.");
    m.def(
        "input_recurrent_cosines",
        [](const ModelHandle &h, int layer, const std::string &gate) {
            const LstmLayer &l = layerOf(h, layer);
            const Gate g = gateFromName(gate);
            py::gil_scoped_release release;
            return inputRecurrentCosines(l, g);
        },
        py::arg("model"), py::arg("layer"), py::arg("gate"),
        "Part 4: [n_in, H] cos(W_x[k] + b, W_h[j]) of one gate of a layer.");
    m.def(
        "histogram",
        [](const Eigen::Ref<const RowMatrixXd> &values, int bins, double lo, double hi) {
            const Histogram hist = histogram(values, bins, lo, hi);
            return py::array_t<long long>(static_cast<py::ssize_t>(hist.counts.size()), hist.counts.data());
        },
        py::arg("values"), py::arg("bins"), py::arg("lo") = -1.0, py::arg("hi") = 1.0,
        "numpy.histogram(values, bins, range=(lo, hi))[0] of a 2-D array.");
    m.def(
        "gate_input_summary",
        [](const ModelHandle &h, int layer) {
            const GateInputSummary s = gateInputSummary(layerOf(h, layer));
            py::dict d;
            d["column_norms"] = s.columnNorms;
            d["bias_norms"] = Eigen::VectorXd(s.biasNorms);
            d["bias_cosine"] = s.biasCosine;
            d["mean_activation"] = s.meanActivation;
            d["mean_activation_no_bias"] = s.meanActivationNoBias;
            return d;
        },
        py::arg("model"), py::arg("layer"),
        "Part 4 on W_x{i,f,c,o}: column_norms [4, n_in], bias_norms [4], bias_cosine [4, n_in], mean_activation and "
        "mean_activation_no_bias [4, n_in]; rows in gate order i, f, c, o.");
    m.def(
        "gate_subspace",
        [](const ModelHandle &h, int layer, const std::string &gate) {
            const LstmLayer &l = layerOf(h, layer);
            const Gate g = gateFromName(gate);
            GateSubspace s;
            {
                py::gil_scoped_release release;
                s = gateSubspace(l, g);
            }
            py::dict d;
            d["singular_values"] = std::move(s.singularValues);
            d["cumulative_singular_value"] = std::move(s.cumulativeSingularValue);
            d["captured"] = std::move(s.captured);
            return d;
        },
        py::arg("model"), py::arg("layer"), py::arg("gate"),
        "Part 4: SVD of W_h of a gate and captured [n_in, H], the fraction of each W_x row inside the span of the r "
        "leading left singular vectors (column r-1).");
    m.def(
        "unit_push_factors",
        [](const ModelHandle &h, int unit, double dh, const Eigen::Ref<const Eigen::VectorXd> &probs) {
            if (unit < 0 || unit >= h.model->hiddenSize())
                throw py::value_error("unit " + std::to_string(unit) + " does not exist");
            if (probs.size() != h.model->vocabSize())
                throw py::value_error("probs: needs " + std::to_string(h.model->vocabSize()) + " entries");
            Eigen::VectorXd out(probs.size());
            unitPushFactors(h.model->denseW, unit, dh, probs, out);
            return out;
        },
        py::arg("model"), py::arg("unit"), py::arg("dh"), py::arg("probs"),
        "Part 2: [V] the factor each token's probability is multiplied by if its logit alone moved by last-layer "
        "unit `unit` changing by dh.");
}

} // namespace folkrnn::python

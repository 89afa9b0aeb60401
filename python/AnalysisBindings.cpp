#include "Bindings.h"

#include "core/analysis/LogitPush.h"
#include "core/analysis/MaxMagnitude.h"
#include "core/analysis/SortedActivations.h"
#include "core/analysis/StepEntropy.h"
#include "core/analysis/TokenAssociation.h"
#include "core/analysis/UnitSpectrum.h"

#include <pybind11/eigen.h>
#include <pybind11/stl.h>

// The analyses of one run's signals (core/analysis), each a function of a [T, H] array: any
// float32 row-major array is read in place (Run.signal's views are), others are converted.
namespace folkrnn::python {

using namespace folkrnn::analysis;

void bindWeightAnalyses(py::module_ &m);

void bindAnalyses(py::module_ &m)
{
    m.def(
        "step_entropy",
        [](const RunHandle &r) {
            const std::vector<double> h = stepEntropyBits(*r.run);
            return py::array_t<double>(static_cast<py::ssize_t>(h.size()), h.data());
        },
        py::arg("run"), "[T] Shannon entropy of each step's distribution, in bits.");
    m.def(
        "max_magnitude",
        [](const SignalRef &x) {
            Eigen::VectorXf out(x.cols());
            maxMagnitude(x, out);
            return out;
        },
        py::arg("signal"), "[H] max over steps of |x[t, u]| (part 5: units off for the whole run, units saturating).");
    m.def(
        "sorted_activations", [](const SignalRef &x) { return sortedActivations(x); }, py::arg("signal"),
        "[T, H]: each step's activations sorted ascending (part 5).");
    m.def(
        "sparsity",
        [](const SignalRef &x, double small, double large) {
            const Sparsity s = sparsity(x, {small, large});
            py::dict d;
            d["small_fraction"] = s.smallFraction;
            d["large_fraction"] = s.largeFraction;
            d["overall_small"] = s.overallSmall;
            d["overall_large"] = s.overallLarge;
            d["mean_large_count"] = s.meanLargeCount;
            return d;
        },
        py::arg("signal"), py::arg("small") = 0.07, py::arg("large") = 0.8,
        "Fractions of units with |x| < small and > large, per step ([T]) and overall (part 5's sparsity figures).");
    m.def(
        "unit_spectra",
        [](const SignalRef &x, int fftLength, double floorDb, bool removeMean) {
            SpectrumSettings s;
            s.fftLength = fftLength;
            s.floorDb = floorDb;
            s.removeMean = removeMean;
            UnitSpectra u;
            {
                py::gil_scoped_release release;
                u = unitSpectra(x, s);
            }
            py::dict d;
            d["db"] = std::move(u.db);
            d["strongest_period"] = std::move(u.strongestPeriod);
            d["fft_length"] = u.fftLength;
            return d;
        },
        py::arg("signal"), py::arg("fft_length") = 512, py::arg("floor_db") = -6.0, py::arg("remove_mean") = false,
        "Part 5's spectra: db [H, N/2+1] = 20 log10(|X_u[k]| / max_j |X_u[j]|) of each unit zero-padded to N, "
        "strongest_period [H] in steps, fft_length N.");
    m.def(
        "token_association",
        [](const SignalRef &x, const std::vector<int> &tokens, int vocabSize, int lag) {
            const TokenAssociation a = tokenAssociation(x, tokens, vocabSize, lag);
            py::dict d;
            d["mean"] = a.mean;
            d["count"] = py::array_t<int>(static_cast<py::ssize_t>(a.count.size()), a.count.data());
            d["unit_mean"] = a.unitMean;
            return d;
        },
        py::arg("signal"), py::arg("tokens"), py::arg("vocab_size"), py::arg("lag") = 0,
        "mean [V, H]: mean x[t - lag, u] over the steps t that take token k (NaN where it never occurs); count [V]; "
        "unit_mean [H].");
    m.def(
        "units_before_token",
        [](const SignalRef &x, const std::vector<int> &tokens, int vocabSize, int token, int lag) {
            const TokenAssociation a = tokenAssociation(x, tokens, vocabSize, lag);
            std::vector<std::tuple<int, double, double>> out;
            for (const TokenUnitScore &s : unitsBeforeToken(a, token))
                out.emplace_back(s.unit, s.mean, s.contrast);
            return out;
        },
        py::arg("signal"), py::arg("tokens"), py::arg("vocab_size"), py::arg("token"), py::arg("lag") = 0,
        "(unit, mean before the token, contrast to the unit's run mean), highest contrast first (part 5: "
        "units spiking before '|').");
    m.def("probability_factor", py::vectorize(&probabilityFactor), py::arg("delta"), py::arg("p"),
          "Part 2: alpha = e^delta / (1 - (1 - e^delta) p), the factor a logit shift delta multiplies p by.");
    m.def("logit_shift", py::vectorize(&logitShift), py::arg("alpha"), py::arg("p"),
          "Part 2: the logit shift delta that multiplies p by alpha.");
    bindWeightAnalyses(m);
}

} // namespace folkrnn::python

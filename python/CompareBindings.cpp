#include "Bindings.h"

#include "core/compare/MeasureLengths.h"
#include "core/compare/RunComparison.h"

#include <pybind11/stl.h>

// A baseline run against an intervened one, and the bar rules of the training script
// (core/compare): what the ablation finding measures.
namespace folkrnn::python {

namespace {

py::dict summaryDict(const MeasureSummary &s)
{
    py::dict d;
    d["bar_lines"] = s.barLines;
    d["measures"] = s.measures;
    d["checked"] = s.checked;
    d["irregular"] = s.irregular;
    d["regular"] = s.regular;
    d["token_counts"] = s.tokenCounts;
    return d;
}

std::vector<std::string> tuneTokens(const py::handle &tune)
{
    if (py::isinstance<RunHandle>(tune))
        return tuneText(*tune.cast<const RunHandle &>().run);
    if (py::isinstance<py::str>(tune)) {
        std::vector<std::string> out;
        std::string text = tune.cast<std::string>(), token;
        for (char ch : text + " ") {
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
                if (!token.empty())
                    out.push_back(token);
                token.clear();
            } else {
                token += ch;
            }
        }
        return out;
    }
    if (py::hasattr(tune, "tune")) // a folkrnn.Tune
        return tune.attr("tune").cast<std::vector<std::string>>();
    return tune.cast<std::vector<std::string>>();
}

} // namespace

void bindCompare(py::module_ &m)
{
    m.def("is_bar_line", &isBarLine, py::arg("token"), "True for |, ||, |:, :| and ::.");
    m.def(
        "measure_summary", [](const py::object &tune) { return summaryDict(summarizeMeasures(tuneTokens(tune))); },
        py::arg("tune"),
        "The training script's bar rules (core/compare/MeasureLengths.h) on a tune (a Run, a Tune, token text or a "
        "list of tokens; meter and mode first): bar_lines, measures, checked, irregular (checked measures not of the "
        "meter's length), regular (starts with M:, >= 3 measures, none irregular), token_counts per measure.");
    m.def(
        "compare_runs",
        [](const RunHandle &baseline, const RunHandle &intervened) {
            const RunComparison c = compareRuns(*baseline.run, *intervened.run);
            py::dict d;
            d["kl"] = py::array_t<double>(static_cast<py::ssize_t>(c.kl.size()), c.kl.data());
            std::vector<bool> differs(c.differs.begin(), c.differs.end());
            d["differs"] = differs;
            d["differing_tokens"] = c.differingTokens;
            d["first_difference"] = c.firstDifference;
            d["mean_kl"] = c.meanKl;
            d["max_kl"] = c.maxKl;
            d["baseline_measures"] = summaryDict(c.baselineMeasures);
            d["intervened_measures"] = summaryDict(c.intervenedMeasures);
            return d;
        },
        py::arg("baseline"), py::arg("intervened"),
        "Step by step: kl [min(T)] = KL(p_base || p_int) in nats, differs (tokens differ or one run has no such "
        "step), first_difference (-1 when none), mean_kl, max_kl and both tunes' measure summaries.");
}

} // namespace folkrnn::python

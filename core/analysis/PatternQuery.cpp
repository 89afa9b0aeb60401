#include "core/analysis/PatternQuery.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace folkrnn::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The value in the direction of "on": x for spikes, -x for dips, so one comparison serves both.
inline double oriented(float v, bool below) { return below ? -double(v) : double(v); }

// Whether value v is "on". The recorded values are float32: the threshold is rounded to float32
// and compared in float, as numpy compares a float32 array with a Python number.
inline bool isOn(float v, const PatternSpec &spec)
{
    const auto threshold = static_cast<float>(spec.threshold);
    return spec.below ? v <= threshold : v >= threshold;
}

// Row-wise prefix counts of "on": P(t, u) = number of on steps of unit u in [0, t).
Eigen::MatrixXi onPrefix(const SignalRef &x, const PatternSpec &spec)
{
    const Eigen::Index T = x.rows(), H = x.cols();
    Eigen::MatrixXi p = Eigen::MatrixXi::Zero(T + 1, H);
    for (Eigen::Index t = 0; t < T; ++t)
        for (Eigen::Index u = 0; u < H; ++u)
            p(t + 1, u) = p(t, u) + (isOn(x(t, u), spec) ? 1 : 0);
    return p;
}

} // namespace

void validatePatternSpec(const PatternSpec &spec)
{
    if (spec.length < 1)
        throw std::invalid_argument("pattern query: the range must be at least one step long");
    if (spec.before < 0 || spec.after < 0)
        throw std::invalid_argument("pattern query: the steps before and after must not be negative");
    if (!std::isfinite(spec.threshold))
        throw std::invalid_argument("pattern query: the threshold must be a finite number");
}

UnitPatternScore patternScore(const SignalRef &x, int unit, int first, const PatternSpec &spec)
{
    const int T = static_cast<int>(x.rows());
    UnitPatternScore s;
    s.unit = unit;
    double sum = 0;
    for (int t = first; t < first + spec.length; ++t)
        sum += double(x(t, unit));
    s.meanInside = sum / spec.length;
    // The strongest off step, in the direction of "on".
    double worst = -std::numeric_limits<double>::infinity();
    bool any = false;
    const auto visit = [&](int a, int b) {
        for (int t = std::max(0, a); t <= std::min(T - 1, b); ++t) {
            worst = std::max(worst, oriented(x(t, unit), spec.below));
            any = true;
        }
    };
    visit(first - spec.before, first - 1);
    visit(first + spec.length, first + spec.length - 1 + spec.after);
    const double inside = spec.below ? -s.meanInside : s.meanInside;
    const double reference = any ? worst : (spec.below ? -spec.threshold : spec.threshold);
    s.outside = any ? (spec.below ? -worst : worst) : kNaN;
    s.score = inside - reference;
    return s;
}

std::vector<UnitPatternScore> unitsMatchingPattern(const SignalRef &x, int first, int last, const PatternSpec &spec)
{
    PatternSpec s = spec;
    s.length = last - first + 1;
    validatePatternSpec(s);
    if (first < 0 || last >= x.rows() || first > last)
        throw std::invalid_argument("pattern query: steps " + std::to_string(first) + "-" + std::to_string(last) +
                                    " are not a range of the run's steps 0-" + std::to_string(x.rows() - 1));
    const int T = static_cast<int>(x.rows());
    std::vector<UnitPatternScore> out;
    for (int u = 0; u < x.cols(); ++u) {
        bool ok = true;
        for (int t = std::max(0, first - s.before); ok && t <= std::min(T - 1, last + s.after); ++t) {
            const bool inside = t >= first && t <= last;
            ok = isOn(x(t, u), s) == inside;
        }
        if (ok)
            out.push_back(patternScore(x, u, first, s));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const UnitPatternScore &a, const UnitPatternScore &b) { return a.score > b.score; });
    return out;
}

MatchMatrix patternMatches(const SignalRef &x, const PatternSpec &spec)
{
    validatePatternSpec(spec);
    const int T = static_cast<int>(x.rows());
    const Eigen::Index H = x.cols();
    MatchMatrix m = MatchMatrix::Zero(T, H);
    if (T < spec.length)
        return m;
    const Eigen::MatrixXi p = onPrefix(x, spec);
    // on steps of unit u in [a, b], clipped to the run
    const auto onCount = [&](int a, int b, Eigen::Index u) {
        a = std::max(a, 0);
        b = std::min(b, T - 1);
        return a > b ? 0 : p(b + 1, u) - p(a, u);
    };
    for (int s = 0; s + spec.length <= T; ++s) {
        const int e = s + spec.length - 1;
        for (Eigen::Index u = 0; u < H; ++u)
            m(s, u) = onCount(s, e, u) == spec.length && onCount(s - spec.before, s - 1, u) == 0 &&
                      onCount(e + 1, e + spec.after, u) == 0;
    }
    return m;
}

std::vector<PatternOccurrence> findPattern(const SignalRef &x, std::span<const int> units, const PatternSpec &spec)
{
    validatePatternSpec(spec);
    if (units.empty())
        throw std::invalid_argument("pattern query: no units given");
    for (int u : units)
        if (u < 0 || u >= x.cols())
            throw std::invalid_argument("pattern query: unit " + std::to_string(u) + " is outside 0-" +
                                        std::to_string(x.cols() - 1));
    const int T = static_cast<int>(x.rows());
    std::vector<PatternOccurrence> out;
    for (int s = 0; s + spec.length <= T; ++s) {
        const int e = s + spec.length - 1;
        bool all = true;
        for (int u : units) {
            for (int t = std::max(0, s - spec.before); all && t <= std::min(T - 1, e + spec.after); ++t)
                all = isOn(x(t, u), spec) == (t >= s && t <= e);
            if (!all)
                break;
        }
        if (!all)
            continue;
        PatternOccurrence o{s, e, std::numeric_limits<double>::infinity()};
        for (int u : units)
            o.score = std::min(o.score, patternScore(x, u, s, spec).score);
        out.push_back(o);
    }
    return out;
}

} // namespace folkrnn::analysis

#include "core/compare/MeasureLengths.h"

#include <cmath>
#include <limits>
#include <map>

namespace folkrnn {

namespace {

const std::map<std::string, double> &durations()
{
    static const std::map<std::string, double> d{{"/2", 0.5}, {"/4", 0.25}, {"2", 2}, {"3", 3}, {"3/2", 1.5},
                                                 {"4", 4},    {"5", 5},     {"6", 6}, {"8", 8}};
    return d;
}

// Bar length in eighths of "M:n/d"; NaN for anything else.
double meterEighths(const std::string &meter)
{
    const auto slash = meter.find('/');
    if (meter.rfind("M:", 0) != 0 || slash == std::string::npos)
        return std::numeric_limits<double>::quiet_NaN();
    try {
        const int num = std::stoi(meter.substr(2, slash - 2));
        const int den = std::stoi(meter.substr(slash + 1));
        if (den <= 0)
            return std::numeric_limits<double>::quiet_NaN();
        return num * 8.0 / den;
    } catch (const std::exception &) {
        return std::numeric_limits<double>::quiet_NaN();
    }
}

// A note or rest: optional accidentals, one letter A-G/a-g or z/Z, optional octave marks.
bool isNoteOrRest(const std::string &t)
{
    std::size_t b = 0, e = t.size();
    while (b < e && (t[b] == '^' || t[b] == '_' || t[b] == '='))
        ++b;
    while (e > b && (t[e - 1] == ',' || t[e - 1] == '\''))
        --e;
    if (e - b != 1)
        return false;
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(t[b])));
    return (c >= 'A' && c <= 'G') || c == 'Z';
}

} // namespace

bool isBarLine(const std::string &t) { return t == "|" || t == "||" || t == "|:" || t == ":|" || t == "::"; }

bool Measure::full() const { return checked && std::abs(eighths - expected) < 1e-6; }

std::vector<Measure> measureLengths(const std::vector<std::string> &tune)
{
    std::vector<Measure> out;
    if (tune.size() < 2)
        return out;
    double want = meterEighths(tune[0]);
    Measure cur;
    cur.firstStep = 2;
    double unit = 0.0;
    bool haveUnit = false, inChord = false, chordFirst = false, ending = false;
    int tupletLeft = 0;
    double factor = 1.0;
    std::string left; // the bar line that opened this measure
    for (std::size_t k = 2; k < tune.size(); ++k) {
        const std::string &t = tune[k];
        if (isBarLine(t)) {
            if (cur.eighths > 0) {
                cur.expected = want;
                cur.checked = left == "|" && t == "|" && !ending;
                out.push_back(cur);
            }
            cur = Measure{};
            cur.firstStep = static_cast<int>(k) + 1;
            haveUnit = false;
            left = t;
            ending = false;
            continue;
        }
        ++cur.tokens;
        if (t.rfind("M:", 0) == 0) {
            want = meterEighths(t);
        } else if (t == "(3" || t == "(4") {
            tupletLeft = t == "(3" ? 3 : 4;
            factor = t == "(3" ? 2.0 / 3.0 : 3.0 / 4.0;
        } else if (t == "[") {
            inChord = chordFirst = true;
        } else if (t == "]") {
            inChord = false;
        } else if (const auto d = durations().find(t); d != durations().end()) {
            if (haveUnit) {
                cur.eighths += (d->second - 1.0) * unit;
                if (inChord && !chordFirst)
                    haveUnit = false;
            }
        } else if (t == "[1" || t == "[2") {
            ending = true;
        } else if (isNoteOrRest(t)) {
            if (inChord && !chordFirst) {
                haveUnit = false;
                continue;
            }
            chordFirst = false;
            const double f = tupletLeft > 0 ? factor : 1.0;
            if (tupletLeft > 0)
                --tupletLeft;
            cur.eighths += f;
            unit = f;
            haveUnit = true;
        }
    }
    if (cur.eighths > 0) {
        cur.expected = want;
        cur.checked = false;
        out.push_back(cur);
    }
    return out;
}

MeasureSummary summarizeMeasures(const std::vector<std::string> &tune)
{
    MeasureSummary s;
    for (const std::string &t : tune)
        s.barLines += isBarLine(t) ? 1 : 0;
    const std::vector<Measure> measures = measureLengths(tune);
    s.measures = static_cast<int>(measures.size());
    for (const Measure &m : measures) {
        s.tokenCounts.push_back(m.tokens);
        if (m.checked) {
            ++s.checked;
            s.irregular += m.full() ? 0 : 1;
        }
    }
    s.regular = tune.size() >= 3 && tune[0].rfind("M:", 0) == 0 && s.measures >= 3 && s.irregular == 0;
    return s;
}

} // namespace folkrnn

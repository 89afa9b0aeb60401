#include "core/intervene/InterventionText.h"

#include "core/util/Error.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace folkrnn {

namespace {

[[noreturn]] void bad(const std::string &option, const std::string &text, const std::string &why)
{
    throw InputError(option, "\"" + text + "\" " + why);
}

int parseInt(const std::string &s, const std::string &option, const std::string &text, const char *what)
{
    int v = 0;
    const char *end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    if (s.empty() || ec != std::errc() || p != end || v < 0)
        bad(option, text, std::string("has a bad ") + what + " \"" + s + "\"");
    return v;
}

// Splits "BODY@FROM-TO" and fills the step range.
std::string splitRange(const std::string &text, Intervention &i, const std::string &option)
{
    const auto at = text.find('@');
    if (at == std::string::npos)
        return text;
    const std::string range = text.substr(at + 1);
    const auto dash = range.find('-');
    if (dash == std::string::npos)
        bad(option, text, "has a step range without '-' (expected FROM-TO)");
    const std::string from = range.substr(0, dash), to = range.substr(dash + 1);
    if (!from.empty())
        i.fromStep = parseInt(from, option, text, "first step");
    if (!to.empty())
        i.toStep = parseInt(to, option, text, "last step");
    if (i.toStep < i.fromStep)
        bad(option, text, "has an empty step range");
    return text.substr(0, at);
}

int parseLayer(const std::string &body, std::size_t colon, const std::string &option, const std::string &text)
{
    if (colon == std::string::npos)
        bad(option, text, "has no ':' between layer and unit (expected L:U)");
    const int layer = parseInt(body.substr(0, colon), option, text, "layer");
    if (layer < 1)
        bad(option, text, "has layer 0 (layers count from 1)");
    return layer - 1;
}

} // namespace

Intervention parseClamp(const std::string &text, InterventionTarget target, InterventionKind kind,
                        const std::string &option)
{
    Intervention i;
    i.target = target;
    i.kind = kind;
    const std::string body = splitRange(text, i, option);
    const auto colon = body.find(':');
    i.layer = parseLayer(body, colon, option, text);
    const auto eq = body.find('=', colon);
    if (eq == std::string::npos)
        bad(option, text, "has no '=' before the value (expected L:U=V)");
    i.units = {parseInt(body.substr(colon + 1, eq - colon - 1), option, text, "unit")};
    const std::string value = body.substr(eq + 1);
    char *end = nullptr;
    i.value = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !std::isfinite(i.value))
        bad(option, text, "has a bad value \"" + value + "\"");
    return i;
}

Intervention parseAblation(const std::string &text, const std::string &option)
{
    Intervention i;
    i.kind = InterventionKind::Clamp;
    i.value = 0.0;
    const std::string body = splitRange(text, i, option);
    const auto colon = body.find(':');
    i.layer = parseLayer(body, colon, option, text);
    std::stringstream units(body.substr(colon + 1));
    std::string u;
    while (std::getline(units, u, ','))
        i.units.push_back(parseInt(u, option, text, "unit"));
    if (i.units.empty())
        bad(option, text, "lists no units");
    return i;
}

std::string formatIntervention(const Intervention &i)
{
    std::ostringstream s;
    s << (i.layer + 1) << ':';
    for (std::size_t k = 0; k < i.units.size(); ++k)
        s << (k ? "," : "") << i.units[k];
    if (!(i.kind == InterventionKind::Clamp && i.value == 0.0 && i.units.size() > 1))
        s << '=' << i.value;
    if (i.fromStep != 0 || i.toStep != INT_MAX) {
        s << '@' << i.fromStep << '-';
        if (i.toStep != INT_MAX)
            s << i.toStep;
    }
    return s.str();
}

} // namespace folkrnn

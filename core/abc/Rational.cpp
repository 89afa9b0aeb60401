#include "core/abc/Rational.h"

#include <cctype>

namespace folkrnn::abc {

namespace {

bool digits(const std::string &s, std::int64_t &v)
{
    if (s.empty() || s.size() > 6)
        return false;
    v = 0;
    for (unsigned char c : s) {
        if (!std::isdigit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    return true;
}

} // namespace

bool parseDurationText(const std::string &text, Rational &eighths)
{
    const auto slash = text.find('/');
    std::int64_t num = 1, den = 1;
    if (slash == std::string::npos) {
        if (!digits(text, num))
            return false;
    } else {
        const std::string a = text.substr(0, slash), b = text.substr(slash + 1);
        if (!a.empty() && !digits(a, num))
            return false;
        if (b.empty())
            den = 2;
        else if (!digits(b, den))
            return false;
    }
    if (num == 0 || den == 0)
        return false;
    eighths = Rational(num, den);
    return true;
}

} // namespace folkrnn::abc

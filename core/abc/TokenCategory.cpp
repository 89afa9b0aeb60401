#include "core/abc/TokenCategory.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>
#include <numeric>
#include <tuple>

namespace folkrnn {

const char *categoryName(TokenCategory c)
{
    static constexpr const char *names[] = {"meter", "mode",     "measure", "pitch", "rest",
                                            "duration", "grouping", "special", "other"};
    return names[static_cast<int>(c)];
}

bool pitchHeight(const std::string &token, int &semitones)
{
    std::size_t k = 0;
    int accidental = 0;
    while (k < token.size() && (token[k] == '^' || token[k] == '_' || token[k] == '=')) {
        accidental += token[k] == '^' ? 1 : token[k] == '_' ? -1 : 0;
        ++k;
    }
    if (k >= token.size() || k > 2)
        return false;
    static constexpr int base[] = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G
    const char letter = token[k];
    int h = 0;
    if (letter >= 'A' && letter <= 'G')
        h = base[letter - 'A'];
    else if (letter >= 'a' && letter <= 'g')
        h = base[letter - 'a'] + 12;
    else
        return false;
    for (++k; k < token.size(); ++k) {
        if (token[k] == ',')
            h -= 12;
        else if (token[k] == '\'')
            h += 12;
        else
            return false;
    }
    semitones = h + accidental;
    return true;
}

bool durationValue(const std::string &token, double &eighths)
{
    if (token.empty())
        return false;
    const auto slash = token.find('/');
    auto number = [](const std::string &s, double &v) {
        if (s.empty() || !std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isdigit(ch); }))
            return false;
        v = std::stod(s);
        return true;
    };
    double num = 1, den = 1;
    if (slash == std::string::npos)
        return number(token, eighths);
    const std::string a = token.substr(0, slash), b = token.substr(slash + 1);
    if (!a.empty() && !number(a, num))
        return false;
    if (b.empty())
        den = 2;
    else if (!number(b, den) || den == 0)
        return false;
    eighths = num / den;
    return true;
}

TokenCategory classifyToken(const std::string &t)
{
    // folk-rnn tokens are printable ASCII without spaces; anything else (text passed through a
    // "^folk-rnn:" escape, say) is no token at all, whatever characters it also holds.
    if (std::any_of(t.begin(), t.end(), [](unsigned char ch) { return ch <= ' ' || ch > '~'; }))
        return TokenCategory::Other;
    if (t == "<s>" || t == "</s>")
        return TokenCategory::Special;
    if (t.rfind("M:", 0) == 0)
        return TokenCategory::Meter;
    if (t.rfind("K:", 0) == 0)
        return TokenCategory::Mode;
    int h = 0;
    if (pitchHeight(t, h))
        return TokenCategory::Pitch;
    if (t == "z" || t == "x")
        return TokenCategory::Rest;
    if (t.size() >= 2 && t[0] == '(' && std::isdigit(static_cast<unsigned char>(t[1])))
        return TokenCategory::Grouping;
    if (t.find('|') != std::string::npos || t == "::" || t == "]" || t == "[" || t == ":" ||
        (t.size() >= 2 && t[0] == '[' && std::isdigit(static_cast<unsigned char>(t[1]))))
        return TokenCategory::Measure;
    double d = 0;
    if (durationValue(t, d))
        return TokenCategory::Duration;
    if (!t.empty() && (t.find('>') != std::string::npos || t.find('<') != std::string::npos) &&
        std::all_of(t.begin(), t.end(), [](unsigned char ch) { return std::isdigit(ch) || ch == '/' || ch == '>' || ch == '<'; }))
        return TokenCategory::Duration;
    return TokenCategory::Other;
}

namespace {

// Meters in numeric order (M:2/2 < M:2/4 < M:3/4 < ... < M:12/8), not text order.
double meterKey(const std::string &t)
{
    int num = 0, den = 0;
    if (std::sscanf(t.c_str(), "M:%d/%d", &num, &den) == 2)
        return num * 1000.0 + den;
    return 1e9;
}

// The order the posts and FOLKRNN-FORMAT.md list these tokens in; others follow by text.
double listKey(const std::string &t)
{
    static const char *known[] = {"K:Cmaj", "K:Cmin", "K:Cdor", "K:Cmix", "|", "||", "|:", ":|", "|1", "|2",
                                  "[1", "[2", "::", "[", "]", "z", "x"};
    for (std::size_t k = 0; k < std::size(known); ++k)
        if (t == known[k])
            return double(k);
    return 1e9;
}

} // namespace

std::vector<int> displayOrder(const std::vector<std::string> &vocabulary)
{
    std::vector<int> order(vocabulary.size());
    std::iota(order.begin(), order.end(), 0);
    auto key = [&](int id) {
        const std::string &t = vocabulary[static_cast<std::size_t>(id)];
        const TokenCategory c = classifyToken(t);
        double v = 0;
        int h = 0;
        if (c == TokenCategory::Pitch && pitchHeight(t, h))
            v = h;
        else if (c == TokenCategory::Duration && !durationValue(t, v))
            v = 1000; // broken rhythm marks after plain durations
        else if (c == TokenCategory::Special)
            v = t == "<s>" ? 0 : 1;
        else if (c == TokenCategory::Meter)
            v = meterKey(t);
        else if (c == TokenCategory::Mode || c == TokenCategory::Measure || c == TokenCategory::Rest)
            v = listKey(t);
        return std::make_tuple(static_cast<int>(c), v, t);
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
    return order;
}

} // namespace folkrnn

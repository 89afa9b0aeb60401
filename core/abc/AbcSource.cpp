#include "core/abc/AbcSource.h"

#include <cctype>

namespace folkrnn::abc {

namespace {

std::vector<std::string> splitLines(const std::string &text)
{
    std::vector<std::string> lines;
    std::string cur;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            lines.push_back(cur);
            cur.clear();
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        lines.push_back(cur);
    return lines;
}

bool blank(const std::string &s)
{
    for (unsigned char c : s)
        if (!std::isspace(c))
            return false;
    return true;
}

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// Removes a "% comment" (an escaped "\%" is text) and trailing blanks.
std::string stripComment(const std::string &s)
{
    std::size_t cut = s.size();
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == '%' && (i == 0 || s[i - 1] != '\\')) {
            cut = i;
            break;
        }
    std::string out = s.substr(0, cut);
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back())))
        out.pop_back();
    return out;
}

bool startsTune(const std::string &line) { return line.size() >= 2 && line[0] == 'X' && line[1] == ':'; }

} // namespace

bool isFieldLine(const std::string &line)
{
    return line.size() >= 2 && line[1] == ':' && (std::isalpha(static_cast<unsigned char>(line[0])) || line[0] == '+');
}

std::vector<AbcSourceTune> splitAbcTunes(const std::string &text)
{
    const std::vector<std::string> lines = splitLines(text);
    bool hasX = false, hasK = false;
    for (const auto &l : lines) {
        hasX = hasX || startsTune(l);
        hasK = hasK || (l.size() >= 2 && l[0] == 'K' && l[1] == ':');
    }
    std::vector<AbcSourceTune> tunes;
    if (!hasX && !hasK)
        return tunes;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (hasX ? !startsTune(lines[i]) : blank(lines[i])) {
            ++i;
            continue;
        }
        AbcSourceTune tune;
        tune.firstLine = static_cast<int>(i) + 1;
        bool inBody = false;
        for (bool first = true; i < lines.size(); ++i, first = false) {
            const std::string &raw = lines[i];
            if (!first && hasX && startsTune(raw))
                break; // a new tune without the blank line that should separate them
            if (blank(raw))
                break;
            if (raw[0] == '%')
                continue; // comment or %% directive
            const std::string t = stripComment(raw);
            if (blank(t))
                continue;
            if (inBody) {
                tune.body.push_back({t, static_cast<int>(i) + 1});
                continue;
            }
            if (!isFieldLine(t)) {
                if (tune.headerProblem.empty())
                    tune.headerProblem = "line " + std::to_string(i + 1) + ": music before the K: field";
                continue;
            }
            const char name = t[0];
            const std::string value = trim(t.substr(2));
            tune.header.emplace_back(name, value);
            if (name == 'X' && tune.number.empty())
                tune.number = value;
            if (name == 'T' && tune.title.empty())
                tune.title = value;
            if (name == 'K')
                inBody = true;
        }
        if (!inBody && tune.headerProblem.empty())
            tune.headerProblem = "no K: field";
        tunes.push_back(std::move(tune));
        if (!hasX)
            break; // a pasted tune without X: is one tune
    }
    return tunes;
}

} // namespace folkrnn::abc

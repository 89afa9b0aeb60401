#include "core/abc/TokenCorpus.h"

#include "core/util/Error.h"

#include <fstream>
#include <sstream>

namespace folkrnn {

namespace {

struct Line {
    std::string text;
    int number;
};

bool blank(const std::string &s) { return s.find_first_not_of(" \t") == std::string::npos; }

void checkText(const std::string &text, const std::string &name)
{
    const std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0; // UTF-8 byte order mark
    for (std::size_t i = start; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F)
            throw InputError(name, "is not a folk-rnn token corpus: binary data at byte " + std::to_string(i));
        if (c >= 0x80)
            throw InputError(name, "is not a folk-rnn token corpus: non-ASCII byte at byte " + std::to_string(i) +
                                       " (folk-rnn tokens are ASCII)");
    }
}

std::vector<Line> splitLines(const std::string &text)
{
    std::vector<Line> lines;
    std::string cur;
    int number = 1;
    const std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    for (std::size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            lines.push_back({cur, number++});
            cur.clear();
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        lines.push_back({cur, number});
    return lines;
}

TokenTune parseTune(const std::vector<Line> &para, const std::string &name)
{
    std::size_t first = 0;
    if (para[0].text.find_first_not_of(" \t") != std::string::npos &&
        para[0].text.substr(para[0].text.find_first_not_of(" \t"), 2) == "X:")
        first = 1; // sample_rnn.py's "X:n" line
    TokenTune tune;
    std::vector<int> lineOf;
    for (std::size_t k = first; k < para.size(); ++k) {
        std::istringstream in(para[k].text);
        for (std::string t; in >> t;) {
            tune.tokens.push_back(t);
            lineOf.push_back(para[k].number);
        }
    }
    const int firstLine = para[first < para.size() ? first : 0].number;
    auto where = [&](int line) { return name + ":" + std::to_string(line); };
    if (tune.tokens.empty())
        throw InputError(where(firstLine), "a tune with no tokens (an X: line alone)");
    tune.line = lineOf[0];
    for (std::size_t k = 0; k < tune.tokens.size(); ++k) {
        const TokenCategory c = classifyToken(tune.tokens[k]);
        if (c == TokenCategory::Other)
            throw InputError(where(lineOf[k]), "\"" + tune.tokens[k] + "\" is not a folk-rnn token");
        tune.categories.push_back(c);
    }
    if (tune.categories[0] != TokenCategory::Meter)
        throw InputError(where(lineOf[0]),
                         "a tune must start with a meter token such as M:4/4, not \"" + tune.tokens[0] + "\"");
    if (tune.tokens.size() < 2 || tune.categories[1] != TokenCategory::Mode)
        throw InputError(where(lineOf[tune.tokens.size() < 2 ? 0 : 1]),
                         "the meter token must be followed by a mode token such as K:Cmaj" +
                             (tune.tokens.size() < 2 ? std::string() : ", not \"" + tune.tokens[1] + "\""));
    return tune;
}

} // namespace

std::vector<TokenTune> parseTokenCorpus(const std::string &text, const std::string &name)
{
    checkText(text, name);
    std::vector<TokenTune> tunes;
    std::vector<Line> para;
    for (const Line &l : splitLines(text)) {
        if (blank(l.text)) {
            if (!para.empty())
                tunes.push_back(parseTune(para, name));
            para.clear();
        } else {
            para.push_back(l);
        }
    }
    if (!para.empty())
        tunes.push_back(parseTune(para, name));
    if (tunes.empty())
        throw InputError(name, "contains no tunes (a folk-rnn token corpus has a meter line, a mode line and "
                               "body tokens per tune)");
    return tunes;
}

std::vector<TokenTune> readTokenCorpus(const std::filesystem::path &path)
{
    namespace fs = std::filesystem;
    const std::string name = path.string();
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw InputError(name, "does not exist");
    if (fs::is_directory(path, ec))
        throw InputError(name, "is a directory, not a token corpus file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(name, "cannot be opened for reading");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad())
        throw InputError(name, "could not be read");
    return parseTokenCorpus(buf.str(), name);
}

std::string formatTokenCorpus(const std::vector<std::vector<std::string>> &tunes)
{
    std::string out;
    for (const auto &tune : tunes) {
        if (!out.empty())
            out += '\n';
        for (std::size_t k = 0; k < tune.size(); ++k) {
            out += tune[k];
            out += (k < 2 || k + 1 == tune.size()) ? '\n' : ' ';
        }
    }
    return out;
}

} // namespace folkrnn

#include "core/abc/AbcFile.h"

#include "core/abc/AbcSource.h"
#include "core/abc/TokenCategory.h"
#include "core/model/TokenText.h"
#include "core/util/Error.h"

#include <fstream>
#include <sstream>

namespace folkrnn {

namespace {

std::string readText(const std::filesystem::path &path)
{
    namespace fs = std::filesystem;
    const std::string name = path.string();
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw InputError(name, "does not exist");
    if (fs::is_directory(path, ec))
        throw InputError(name, "is a directory, not an ABC file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(name, "cannot be opened for reading");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad())
        throw InputError(name, "could not be read");
    std::string text = buf.str();
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            throw InputError(name, "is not an ABC text file: binary data at byte " + std::to_string(i));
    }
    return text;
}

bool startsWithField(const std::string &line, char f)
{
    const auto b = line.find_first_not_of(" \t");
    return b != std::string::npos && line.compare(b, 2, std::string(1, f) + ":") == 0;
}

bool looksLikeAbc(const std::string &text)
{
    std::istringstream lines(text);
    bool keyLine = false, foreignKey = false;
    for (std::string line; std::getline(lines, line);) {
        if (startsWithField(line, 'X') || startsWithField(line, 'T') || startsWithField(line, 'L'))
            return true;
        if (startsWithField(line, 'K')) {
            keyLine = true;
            std::istringstream words(line);
            std::string w;
            words >> w;
            abc::Key key;
            foreignKey = foreignKey || !abc::parseModeToken(w, key) || static_cast<bool>(words >> w);
        }
    }
    if (!keyLine)
        return false;
    if (foreignKey)
        return true;
    std::istringstream words(text);
    for (std::string w; words >> w;)
        if (classifyToken(w) == TokenCategory::Other)
            return true; // "GABc" is ABC music, not a token
    return false;
}

} // namespace

std::vector<abc::TuneConversion> tokenizeAbcFile(const std::filesystem::path &path)
{
    const std::string text = readText(path);
    std::vector<abc::TuneConversion> tunes = abc::tokenizeAbc(text, path.string());
    if (tunes.empty())
        throw InputError(path.string(), "contains no ABC tune (no X: or K: field)");
    return tunes;
}

std::vector<std::string> userTokens(const std::string &text, const std::string &what)
{
    if (!looksLikeAbc(text)) {
        std::istringstream in(text);
        std::vector<std::string> tokens;
        for (std::string t; in >> t;)
            tokens.push_back(t);
        return tokens;
    }
    const std::vector<abc::TuneConversion> tunes = abc::tokenizeAbc(text, what);
    if (tunes.empty())
        throw InputError(what, "no ABC tune found (an ABC tune needs a K: field)");
    if (tunes.size() > 1)
        throw InputError(what, "contains " + std::to_string(tunes.size()) + " ABC tunes; give one");
    if (!tunes[0].converted)
        throw InputError(what, "the ABC tune cannot be converted to folk-rnn tokens: " + tunes[0].reason);
    return tunes[0].tokens;
}

std::vector<int> encodeUserTokens(const std::vector<std::string> &vocabulary, const std::string &text,
                                  const std::string &what)
{
    std::string joined;
    for (const std::string &t : userTokens(text, what))
        joined += (joined.empty() ? "" : " ") + t;
    return encodeTokens(vocabulary, joined, what);
}

} // namespace folkrnn

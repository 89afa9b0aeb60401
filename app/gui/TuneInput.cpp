#include "TuneInput.h"

#include "core/abc/AbcTokenizer.h"
#include "core/model/TokenText.h"
#include "core/util/Error.h"

#include <QCoreApplication>

#include <sstream>

namespace folkrnn::gui {

namespace {

// TuneInput is not a class: this one gives its strings the context "TuneInput" (lupdate and tr()).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TuneInput)
};

// Drops header lines ("X:0", "T:Title") whose first word is not a token, keeping token lines.
std::string tokenLines(const folkrnn::Model &model, const std::string &text)
{
    std::istringstream in(text);
    std::string line, out;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string first;
        words >> first;
        const bool field = first.size() >= 2 && first[1] == ':' && std::isalpha(static_cast<unsigned char>(first[0]));
        if (field && model.tokenIndex(first) < 0)
            continue;
        out += line + "\n";
    }
    return out;
}

bool hasKeyLine(const std::string &text)
{
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string first;
        words >> first;
        if (first.rfind("K:", 0) == 0)
            return true;
    }
    return false;
}

} // namespace

std::vector<int> parseTuneInput(const folkrnn::Model &model, const std::string &text)
{
    const std::string kWhat = Text::tr("tune to trace").toStdString();
    std::vector<int> tokens;
    try {
        tokens = folkrnn::encodeTokens(model.vocabulary, tokenLines(model, text), kWhat);
    } catch (const folkrnn::InputError &tokenError) {
        if (!hasKeyLine(text))
            throw;
        // Not token text: read it as ABC.
        const auto tunes = folkrnn::abc::tokenizeAbc(text, kWhat);
        if (tunes.empty())
            throw;
        if (!tunes.front().converted)
            throw folkrnn::InputError(kWhat, Text::tr("not token text (%1) and not ABC folk-rnn can read: %2")
                                                 .arg(QString::fromStdString(tokenError.what()),
                                                      QString::fromStdString(tunes.front().reason))
                                                 .toStdString());
        std::string joined;
        for (const std::string &t : tunes.front().tokens)
            joined += t + " ";
        tokens = folkrnn::encodeTokens(model.vocabulary, joined, kWhat);
    }
    if (tokens.empty())
        throw folkrnn::InputError(kWhat, Text::tr("no tokens").toStdString());
    const int start = model.startToken();
    if (!tokens.empty() && tokens.front() == start)
        tokens.erase(tokens.begin());
    if (tokens.empty() || tokens.back() != model.endToken())
        tokens.push_back(model.endToken());
    return tokens;
}

} // namespace folkrnn::gui

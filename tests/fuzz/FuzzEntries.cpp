#include "FuzzEntries.h"

#include "core/abc/AbcFile.h"
#include "core/abc/AbcTokenizer.h"
#include "core/abc/TokenCategory.h"
#include "core/abc/TokenCorpus.h"
#include "core/util/Error.h"

#include <cstdlib>
#include <cstdio>
#include <string>
#include <vector>

namespace folkrnn::fuzz {

namespace {

// A broken invariant: abort so that libFuzzer keeps the input and the replay test fails.
[[noreturn]] void broken(const char *what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

} // namespace

void abcReader(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    std::vector<std::vector<std::string>> converted;
    try {
        for (const abc::TuneConversion &t : abc::tokenizeAbc(text, "fuzz.abc")) {
            if (t.converted && t.tokens.size() < 2)
                broken("a converted tune without a meter and a mode token");
            // A "^folk-rnn: ..." escape carries any text through verbatim by design (TokensToAbc
            // round-trips any token stream), and the corpus reader refuses non-tokens with a
            // message; only tunes of folk-rnn tokens must read back.
            bool tokensOnly = t.converted;
            for (const std::string &token : t.tokens)
                tokensOnly = tokensOnly && classifyToken(token) != TokenCategory::Other;
            if (tokensOnly)
                converted.push_back(t.tokens);
        }
    } catch (const InputError &) {
    }
    try {
        userTokens(text, "prime");
    } catch (const InputError &) {
    }
    if (!converted.empty()) {
        // What the tokenizer writes, the corpus reader must read (folkrnn-cli tokenize | query).
        try {
            if (parseTokenCorpus(formatTokenCorpus(converted), "tokens").size() != converted.size())
                broken("the token corpus of converted tunes reads back as a different number of tunes");
        } catch (const InputError &e) {
            std::fprintf(stderr, "%s\n", e.what());
            broken("the token corpus of converted tunes does not read back");
        }
    }
}

void tokenCorpusReader(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    std::vector<TokenTune> tunes;
    try {
        tunes = parseTokenCorpus(text, "fuzz.txt");
    } catch (const InputError &) {
        return;
    }
    std::vector<std::vector<std::string>> tokens;
    for (const TokenTune &t : tunes) {
        if (t.tokens.size() < 2 || t.tokens.size() != t.categories.size())
            broken("a tune without a meter and a mode, or categories out of step with tokens");
        tokens.push_back(t.tokens);
    }
    std::vector<TokenTune> again;
    try {
        again = parseTokenCorpus(formatTokenCorpus(tokens), "again.txt");
    } catch (const InputError &e) {
        std::fprintf(stderr, "%s\n", e.what());
        broken("a corpus that reads does not read back after formatTokenCorpus");
    }
    if (again.size() != tunes.size())
        broken("a corpus reads back as a different number of tunes");
    for (std::size_t k = 0; k < tunes.size(); ++k)
        if (again[k].tokens != tunes[k].tokens)
            broken("a tune reads back with different tokens");
}

} // namespace folkrnn::fuzz

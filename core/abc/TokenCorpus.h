#pragma once
#include "core/abc/TokenCategory.h"

#include <filesystem>
#include <string>
#include <vector>

namespace folkrnn {

// One tune of a folk-rnn token corpus: the meter token, the mode token, then the body.
struct TokenTune {
    std::vector<std::string> tokens;
    std::vector<TokenCategory> categories; // classifyToken of each token
    int line = 0;                          // 1-based line of the meter token in the corpus
};

// Reads the folk-rnn v2 token stream format (folk-rnn's data/ files and its samples): per tune a
// meter line ("M:4/4"), a mode line ("K:Cmaj"), then body tokens separated by spaces, on one or
// more lines; tunes separated by blank lines. An "X:n" line before the meter (sample_rnn.py's
// output) is accepted and ignored; CRLF and CR line ends are accepted.
// Throws InputError(name, ...) for text that is not such a corpus: binary data, no tunes, a tune
// that does not start with a meter and a mode token, a token no folk-rnn category describes.
std::vector<TokenTune> parseTokenCorpus(const std::string &text, const std::string &name);

// Reads a corpus file; InputError for a missing file, a directory, unreadable or malformed data.
std::vector<TokenTune> readTokenCorpus(const std::filesystem::path &path);

// The corpus text of tunes (each a token list starting meter, mode): the format parseTokenCorpus reads.
std::string formatTokenCorpus(const std::vector<std::vector<std::string>> &tunes);

} // namespace folkrnn

#pragma once
#include <string>
#include <vector>

namespace folkrnn {

// Splits folk-rnn token text on whitespace and maps each token to its index in `vocabulary`.
// Throws InputError(what, ...) naming every token that is not in the vocabulary.
std::vector<int> encodeTokens(const std::vector<std::string> &vocabulary, const std::string &text,
                              const std::string &what);

// Tokens joined by single spaces.
std::string decodeTokens(const std::vector<std::string> &vocabulary, const std::vector<int> &ids);

} // namespace folkrnn

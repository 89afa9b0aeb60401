#pragma once
#include "core/abc/AbcTokenizer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace folkrnn {

// Converts every tune of an ABC file to folk-rnn tokens (see tokenizeAbc). Throws InputError for
// a missing file, a directory, binary data, or a file with no ABC tune in it; tunes that cannot be
// converted come back unconverted with their reason.
std::vector<abc::TuneConversion> tokenizeAbcFile(const std::filesystem::path &path);

// The tokens of a prime or tune a user typed or pasted: folk-rnn tokens separated by spaces, or an
// ABC tune (recognised by its X:/T:/L: fields, or a K: field that is not a folk-rnn mode token, or
// ABC music), converted with tokenizeAbc. Throws InputError(what, ...) when the ABC cannot be
// converted, naming the reason.
std::vector<std::string> userTokens(const std::string &text, const std::string &what);

// userTokens mapped to ids of `vocabulary` with encodeTokens, so tokens the model does not know
// (from pasted ABC as from typed tokens) give an InputError naming them.
std::vector<int> encodeUserTokens(const std::vector<std::string> &vocabulary, const std::string &text,
                                  const std::string &what);

} // namespace folkrnn

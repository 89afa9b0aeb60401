#pragma once
#include <cstddef>
#include <cstdint>

// The bodies of the libFuzzer targets for the text readers, shared by the clang fuzz build
// (fuzz_abc.cpp, fuzz_token_corpus.cpp) and by test_fuzz_regressions, which replays the committed
// corpus (tests/fuzz/corpus/) through the same functions in every build. Each returns normally for
// any input; a crash, a sanitizer report, an exception other than InputError, a hang or an
// unbounded allocation is a bug in the reader.
namespace folkrnn::fuzz {

// The ABC reader (core/abc): tokenizeAbc over the bytes as an ABC file, and userTokens as a pasted
// prime or tune. A tune that converts must give tokens that the token corpus reader accepts.
void abcReader(const std::uint8_t *data, std::size_t size);

// The folk-rnn token corpus reader (core/abc/TokenCorpus): parseTokenCorpus; a corpus that reads
// must read back the same after formatTokenCorpus.
void tokenCorpusReader(const std::uint8_t *data, std::size_t size);

} // namespace folkrnn::fuzz

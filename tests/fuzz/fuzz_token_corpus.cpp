// libFuzzer target for the folk-rnn token corpus reader (core/abc/TokenCorpus); the body is
// folkrnn::fuzz::tokenCorpusReader, which test_fuzz_regressions also runs over tests/fuzz/corpus/tokens/.
#include "FuzzEntries.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    folkrnn::fuzz::tokenCorpusReader(data, size);
    return 0;
}

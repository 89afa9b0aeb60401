// libFuzzer target for the ABC reader (core/abc: ABC text -> folk-rnn tokens); the body is
// folkrnn::fuzz::abcReader, which test_fuzz_regressions also runs over tests/fuzz/corpus/abc/.
#include "FuzzEntries.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    folkrnn::fuzz::abcReader(data, size);
    return 0;
}

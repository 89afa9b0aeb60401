// libFuzzer target for the folk-rnn pickle reader and its conversion to Model: any input must
// either read as a validated Model or throw folkrnn::InputError. Anything else (a crash, a
// sanitizer report, another exception, a leak, a timeout or running out of memory) is a bug.
// Build and run: see tests/fuzz/CMakeLists.txt and core/pickle/PICKLE-SUBSET.md.
#include "core/pickle/FolkRnnPickle.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        folkrnn::folkRnnModelFromPickle(std::string(reinterpret_cast<const char *>(data), size), "fuzz.pkl");
    } catch (const folkrnn::InputError &) {
    }
    return 0;
}

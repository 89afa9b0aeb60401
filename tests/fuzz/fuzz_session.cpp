// libFuzzer target for the session reader (core/session/SessionReader.cpp): any bytes must give a
// Session or an InputError naming the file, never a crash, a hang or an unbounded allocation.
// Seed corpus: sessions written by `folkrnn-cli generate --model M --max-length 40 --save-session F`.
// HDF5 reads from a file name, so each input is written to one scratch file per process first.
#include "core/session/SessionFile.h"
#include "core/util/Error.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

// libhdf5 (the system library) leaks a few hundred bytes when opening an object of a damaged file
// fails (H5Dopen2); that is not ours to fix, so LeakSanitizer is told to ignore its allocations.
extern "C" const char *__lsan_default_suppressions() { return "leak:libhdf5_serial.so\nleak:libhdf5.so\n"; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::string path = [] {
        const char *dir = std::getenv("TMPDIR");
        return std::string(dir && *dir ? dir : "/tmp") + "/fuzz_session_" + std::to_string(getpid()) + ".frnsession";
    }();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
    }
    try {
        const folkrnn::Session s = folkrnn::readSessionFile(path);
        // A session that reads must be whole: touch what the views would.
        volatile double sink = 0;
        if (s.run->steps() > 0)
            sink = s.run->logProbs(s.run->steps() - 1)[0] + s.run->signal(0, 0, folkrnn::Signal::H)[0];
        (void)sink;
    } catch (const folkrnn::InputError &) {
    }
    return 0;
}

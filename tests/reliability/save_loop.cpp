// Test helper for test_no_lost_work: saves two sessions alternately to one file, and each also as
// an autosave recovery copy, for ever, so that the test can SIGKILL it at any moment of a save.
//
//   reliability_save_loop A.frnsession B.frnsession TARGET.frnsession AUTOSAVE_DIR
//
// Prints "ready" once both sessions are read (before the first save), then one line per save.
#include "core/session/Recovery.h"
#include "core/session/SessionFile.h"
#include "core/util/Error.h"

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s A B TARGET AUTOSAVE_DIR\n", argv[0]);
        return 2;
    }
    try {
        const folkrnn::Session sessions[2] = {folkrnn::readSessionFile(argv[1]), folkrnn::readSessionFile(argv[2])};
        std::printf("ready\n");
        std::fflush(stdout);
        for (unsigned long k = 0;; ++k) {
            const folkrnn::Session &s = sessions[k % 2];
            folkrnn::saveSession(s, argv[3]);
            folkrnn::writeRecoveryCopy(s, argv[4], "target");
            std::printf("saved %lu\n", k);
            std::fflush(stdout);
        }
    } catch (const folkrnn::InputError &e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
}

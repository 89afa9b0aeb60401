#pragma once
#include "core/session/Session.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

// Autosave support: recovery copies of the current session in a folder the GUI chooses (e.g.
// ~/.local/state/folkrnn-inspector/autosave). The GUI decides when to write them, offers the
// ones it finds at start-up, and removes a copy once its document is saved or discarded.
namespace folkrnn {

struct RecoveryFile {
    std::filesystem::path path;
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
};

// `name` made into a safe file name: letters, digits, '.', '-' and '_' kept, anything else
// (separators included) turned into '_', no leading dot, at most 120 characters, a trailing
// ".frnsession" dropped and then added; "untitled.frnsession" for an empty name.
std::string recoveryFileName(const std::string &name);

// Writes `session` to dir/recoveryFileName(name), creating `dir` if needed, with saveSession's
// guarantees (atomic, verified, the previous copy kept on failure). Returns the file written.
std::filesystem::path writeRecoveryCopy(const Session &session, const std::filesystem::path &dir,
                                        const std::string &name);

// The recovery copies in `dir` (*.frnsession), newest first; empty when `dir` does not exist.
// Temporary files left by an interrupted save are not listed.
std::vector<RecoveryFile> listRecoveryFiles(const std::filesystem::path &dir);

// Removes one recovery copy; nothing happens when it is already gone. Throws InputError when it
// cannot be removed.
void removeRecoveryFile(const std::filesystem::path &file);

// Removes temporary files that interrupted saves left in `dir` (".<name>.frnsession.tmp<N>").
// Returns how many were removed. Call it at start-up, before this instance autosaves.
int removeStaleTemporaryFiles(const std::filesystem::path &dir);

} // namespace folkrnn

#pragma once
#include "core/session/Session.h"

#include <string>

namespace folkrnn {

// The session file format, version 1: HDF5, layout in SESSION-FORMAT.md beside this file.
inline constexpr int kSessionFormatVersion = 1;
inline constexpr const char *kSessionExtension = ".frnsession";

// Validates `session` (validateSession), writes it to a temporary file beside `path`, reads that
// file back and compares it with `session` bit for bit, and only then renames it over `path`. On
// any failure (disk full, no permission, a folder that does not exist or is read-only) the
// previous file at `path` is untouched, the temporary file is removed, and InputError names
// `path` and says why.
void saveSession(const Session &session, const std::string &path);

// Reads a session file without its model: every dataset's type and shape are checked before
// anything is allocated, then the whole is validated (validateSession). Throws InputError naming
// `path` for a missing, truncated, foreign, inconsistent or newer-version file; never crashes.
// session.run is rebuilt from the stored trace (Run::fromArrays).
Session readSessionFile(const std::string &path);

} // namespace folkrnn

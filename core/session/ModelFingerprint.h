#pragma once
#include "core/model/Model.h"

#include <string>

namespace folkrnn {

// SHA-256 of what makes a model compute what it computes: the vocabulary and every weight array,
// fed to the hash in the canonical order of SESSION-FORMAT.md ("Model fingerprint"). Provenance
// (name, source, training curves) is left out, so a .pkl and the .h5 imported from it agree.
// Returns 64 lowercase hexadecimal digits. Throws std::runtime_error if libcrypto fails.
std::string modelFingerprint(const Model &model);

// True for 64 lowercase hexadecimal digits.
bool isFingerprint(const std::string &text);

} // namespace folkrnn

#pragma once
#include "core/model/Model.h"

#include <string>

// folk-rnn's original model files (metadata/folkrnn_v2.pkl and the like; see
// ../shared/reference/FOLKRNN-FORMAT.md) read into a Model, safely: see PICKLE-SUBSET.md.
namespace folkrnn {

// True for a path ending in .pkl, or a file whose first byte is the pickle PROTO opcode (0x80).
bool looksLikePickle(const std::string &path);

// Reads, converts and validates; throws InputError naming the file and the problem (a refused global,
// a truncated file, a missing key, an inconsistent shape...).
Model loadFolkRnnPickle(const std::string &path);

// The same from bytes in memory; `source` names them in messages and provenance.
Model folkRnnModelFromPickle(std::string bytes, const std::string &source);

} // namespace folkrnn

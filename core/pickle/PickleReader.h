#pragma once
#include "core/pickle/PickleValue.h"

#include <memory>
#include <string>

namespace folkrnn::pickle {

// Bounds that keep hostile input from exhausting memory or time. Real folk-rnn files use a few
// thousand objects, a handful of nested MARKs and nesting depth 3.
inline constexpr std::size_t kMaxObjects = std::size_t(1) << 22;
inline constexpr std::size_t kMaxMemo = std::size_t(1) << 22;
inline constexpr std::size_t kMaxMarks = 100;
inline constexpr std::uint16_t kMaxDepth = 100;
inline constexpr std::size_t kMaxGlobalName = 200;

// Reads the pickle subset that folk-rnn model files use (PICKLE-SUBSET.md beside this file):
// protocol 2 as Python 2.7's cPickle writes it, and protocols 2 to 5 as Python 3 writes them, with
// numpy 1 or 2 array reductions. It is a data reader, not an interpreter: GLOBAL names outside a
// small allow-list are refused when read, and the allowed ones are reproduced, never looked up.
// Throws InputError("<source>: ...") naming the byte offset and the problem; never crashes.
std::unique_ptr<Document> readPickle(std::string bytes, const std::string &source);

} // namespace folkrnn::pickle

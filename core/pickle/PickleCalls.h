#pragma once
#include "core/pickle/PickleValue.h"

#include <optional>
#include <stdexcept>
#include <string_view>

// What the allowed globals do, reproduced on plain data: REDUCE and BUILD on numpy arrays and dtypes,
// numpy scalars, and _codecs.encode. Problems are thrown as FormatProblem; the reader adds the file
// name and byte offset.
namespace folkrnn::pickle {

struct FormatProblem : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The allow-list. nullopt for every other (module, name).
std::optional<Callable> allowedGlobal(std::string_view module, std::string_view name);

// REDUCE: `fn(*args)`; returns the new value.
ValueId applyCall(Document &doc, Callable fn, ValueId args);

// BUILD: `target.__setstate__(state)` for a reconstructed ndarray or a dtype.
void applyBuild(Document &doc, ValueId target, ValueId state);

// UTF-8 decoding as Python's pickle does it (surrogates pass). Advances `pos`; false on bad input.
bool nextCodePoint(std::string_view s, std::size_t &pos, char32_t &cp);
bool isUtf8(std::string_view s);

} // namespace folkrnn::pickle

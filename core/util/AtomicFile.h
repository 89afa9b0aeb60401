#pragma once
#include <filesystem>
#include <functional>

namespace folkrnn {

// Writes a file so that readers see either the old content or the complete new one: `write`
// fills a temporary file beside `target`, which is renamed over it only when `write` returns.
// If `write` throws, the temporary file is removed and `target` is untouched.
void writeAtomically(const std::filesystem::path &target,
                     const std::function<void(const std::filesystem::path &tmp)> &write);

} // namespace folkrnn

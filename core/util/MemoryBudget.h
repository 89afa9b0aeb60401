#pragma once
#include <cstdint>
#include <string>

namespace folkrnn {

// How much memory one model or one trace may take, so that a file declaring absurd sizes (or a
// setting asking for an absurd trace) is refused with a message before anything is allocated,
// instead of the process being killed by the kernel's out-of-memory killer.
//
// The budget is the smallest of: 3/4 of the physical memory (sysconf), the address-space limit
// (RLIMIT_AS, `ulimit -v`) when one is set, and kMemoryCap. FOLKRNN_MEMORY_LIMIT_MB, when set to a
// positive number, replaces all three (tests, or a machine shared with other work).
inline constexpr std::uint64_t kMemoryCap = std::uint64_t(64) << 30; // 64 GiB

std::uint64_t memoryBudgetBytes();

// "1.5 GiB", "320 MiB", "12 KiB", "17 bytes".
std::string formatBytes(std::uint64_t bytes);

// Throws InputError(input, "<what> needs <bytes> of memory; this machine allows <budget> ...") when
// bytes exceeds memoryBudgetBytes().
void requireMemory(std::uint64_t bytes, const std::string &input, const std::string &what);

// a * b, or UINT64_MAX when that overflows (sizes read from files can be anything).
std::uint64_t saturatingMultiply(std::uint64_t a, std::uint64_t b);
std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b);

} // namespace folkrnn

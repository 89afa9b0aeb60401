#include "core/util/MemoryBudget.h"

#include "core/util/Error.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace folkrnn {

std::uint64_t saturatingMultiply(std::uint64_t a, std::uint64_t b)
{
    if (a != 0 && b > std::numeric_limits<std::uint64_t>::max() / a)
        return std::numeric_limits<std::uint64_t>::max();
    return a * b;
}

std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b)
{
    return b > std::numeric_limits<std::uint64_t>::max() - a ? std::numeric_limits<std::uint64_t>::max() : a + b;
}

std::uint64_t memoryBudgetBytes()
{
    if (const char *env = std::getenv("FOLKRNN_MEMORY_LIMIT_MB")) {
        char *end = nullptr;
        const unsigned long long mb = std::strtoull(env, &end, 10);
        if (end != env && *end == '\0' && mb > 0)
            return saturatingMultiply(mb, std::uint64_t(1) << 20);
    }
    std::uint64_t budget = kMemoryCap;
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGESIZE);
    if (pages > 0 && pageSize > 0)
        budget = std::min(budget, saturatingMultiply(std::uint64_t(pages), std::uint64_t(pageSize)) / 4 * 3);
    // Under ASan RLIMIT_AS is normally unlimited (its shadow memory needs terabytes of addresses).
    rlimit as{};
    if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY)
        budget = std::min<std::uint64_t>(budget, as.rlim_cur);
    return budget;
}

std::string formatBytes(std::uint64_t bytes)
{
    const char *units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1024.0 && u < 6) {
        v /= 1024.0;
        ++u;
    }
    char text[64];
    if (u == 0)
        std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
    else
        std::snprintf(text, sizeof text, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    return text;
}

void requireMemory(std::uint64_t bytes, const std::string &input, const std::string &what)
{
    const std::uint64_t budget = memoryBudgetBytes();
    if (bytes > budget)
        throw InputError(input, what + " needs " + formatBytes(bytes) + " of memory; this machine allows " +
                                    formatBytes(budget) + " (3/4 of its memory, or FOLKRNN_MEMORY_LIMIT_MB)");
}

} // namespace folkrnn

#include "core/util/AtomicFile.h"

#include "core/util/Error.h"

#include <random>
#include <system_error>

namespace folkrnn {

void writeAtomically(const std::filesystem::path &target,
                     const std::function<void(const std::filesystem::path &tmp)> &write)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(target, ec))
        throw InputError(target.string(), "is a directory");
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::random_device rd;
    const fs::path tmp = dir / ("." + target.filename().string() + ".tmp" + std::to_string(rd() % 1000000));
    try {
        write(tmp);
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw InputError(target.string(), "cannot be replaced: " + ec.message());
    }
}

} // namespace folkrnn

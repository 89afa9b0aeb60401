#include "core/model/OpenModel.h"

#include "core/model/ModelFile.h"
#include "core/pickle/FolkRnnPickle.h"
#include "core/util/Error.h"

#include <cstdlib>
#include <filesystem>

namespace folkrnn {

Model openModel(const std::string &path)
{
    // folk-rnn's original .pkl files (by extension or by the pickle PROTO byte), else our HDF5.
    if (looksLikePickle(path))
        return loadFolkRnnPickle(path);
    return loadModelHdf5(path);
}

std::string bundledModelPath(const std::string &executableDir)
{
    namespace fs = std::filesystem;
    if (const char *env = std::getenv("FOLKRNN_MODEL"); env && *env)
        return env;
    const char *name = "models/folkrnn-nottingham.h5";
    std::vector<fs::path> candidates;
    if (!executableDir.empty()) {
        // Installed layout: <prefix>/bin/folkrnn-cli and <prefix>/share/folkrnn-inspector/models.
        candidates.push_back(fs::path(executableDir) / ".." / FOLKRNN_INSTALL_DATADIR / name);
    }
    candidates.push_back(fs::path(FOLKRNN_SOURCE_RESOURCES) / name);
    const char *fallback = "models/example-random.h5";
    if (!executableDir.empty())
        candidates.push_back(fs::path(executableDir) / ".." / FOLKRNN_INSTALL_DATADIR / fallback);
    candidates.push_back(fs::path(FOLKRNN_SOURCE_RESOURCES) / fallback);
    std::error_code ec;
    for (const auto &c : candidates)
        if (fs::is_regular_file(c, ec))
            return fs::weakly_canonical(c, ec).string();
    return {};
}

} // namespace folkrnn

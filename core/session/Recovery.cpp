#include "core/session/Recovery.h"

#include "core/session/SessionFile.h"
#include "core/util/Error.h"

#include <algorithm>

namespace folkrnn {

namespace fs = std::filesystem;

std::string recoveryFileName(const std::string &name)
{
    const std::string ext = kSessionExtension;
    std::string base = name;
    if (base.size() >= ext.size() && base.compare(base.size() - ext.size(), ext.size(), ext) == 0)
        base.resize(base.size() - ext.size());
    std::string safe;
    for (char c : base) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '-' || c == '_';
        safe += ok ? c : '_';
    }
    safe.erase(0, safe.find_first_not_of('.'));
    if (safe.size() > 120)
        safe.resize(120);
    return (safe.empty() ? std::string("untitled") : safe) + ext;
}

fs::path writeRecoveryCopy(const Session &session, const fs::path &dir, const std::string &name)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw InputError(dir.string(), "cannot create the autosave folder: " + ec.message());
    const fs::path file = dir / recoveryFileName(name);
    saveSession(session, file.string());
    return file;
}

namespace {

bool isTemporary(const std::string &name) { return !name.empty() && name.front() == '.'; }

bool hasSessionExtension(const std::string &name)
{
    const std::string ext = kSessionExtension;
    return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
}

} // namespace

std::vector<RecoveryFile> listRecoveryFiles(const fs::path &dir)
{
    std::vector<RecoveryFile> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return out;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code fileEc;
        if (isTemporary(name) || !hasSessionExtension(name) || !it->is_regular_file(fileEc))
            continue;
        RecoveryFile f;
        f.path = it->path();
        f.modified = it->last_write_time(fileEc);
        f.size = it->file_size(fileEc);
        if (!fileEc)
            out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](const RecoveryFile &a, const RecoveryFile &b) {
        return a.modified != b.modified ? a.modified > b.modified : a.path < b.path;
    });
    return out;
}

void removeRecoveryFile(const fs::path &file)
{
    std::error_code ec;
    fs::remove(file, ec);
    if (ec)
        throw InputError(file.string(), "cannot remove the recovery copy: " + ec.message());
}

int removeStaleTemporaryFiles(const fs::path &dir)
{
    int removed = 0;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return 0;
    std::vector<fs::path> stale;
    const std::string marker = std::string(kSessionExtension) + ".tmp";
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (isTemporary(name) && name.find(marker) != std::string::npos)
            stale.push_back(it->path());
    }
    for (const fs::path &p : stale) {
        std::error_code rmEc;
        if (fs::remove(p, rmEc))
            ++removed;
    }
    return removed;
}

} // namespace folkrnn

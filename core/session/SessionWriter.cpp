// saveSession: the writing half of SessionFile.h. The layout written here is SESSION-FORMAT.md.
#include "core/session/SessionFile.h"

#include "core/hdf5/Hdf5Util.h"
#include "core/session/SessionHdf5.h"
#include "core/util/AtomicFile.h"
#include "core/util/Error.h"

#include <H5Cpp.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace folkrnn {

namespace {

// Trace arrays of at least this many values are chunked and compressed.
constexpr hsize_t kCompressFrom = 4096;

H5::Group group(H5::H5File &file, const std::string &path) { return file.createGroup(path); }

void writeModel(H5::H5File &file, const Session &s)
{
    H5::Group g = group(file, "/model");
    sessionh5::writeTextAttribute(g, "path", s.modelPath);
    sessionh5::writeTextAttribute(g, "fingerprint", s.modelFingerprint);
    sessionh5::writeTextAttribute(g, "name", s.modelName);
    h5::writeIntAttribute(g, "layers", s.run->numLayers());
    h5::writeIntAttribute(g, "hidden", s.run->hiddenSize());
    sessionh5::writeStrings(g, "vocabulary", s.run->vocabulary());
}

void writeSettings(H5::H5File &file, const Session &s)
{
    H5::Group g = group(file, "/settings");
    const GenerationSettings &gs = s.settings;
    sessionh5::writeTextAttribute(g, "mode", gs.teacherForced() ? "teacher-forced" : "sampled");
    h5::writeIntAttribute(g, "seed", gs.seed);
    h5::writeDoubleAttribute(g, "temperature", gs.temperature);
    h5::writeIntAttribute(g, "max_length", gs.maxLength);
    h5::writeIntAttribute(g, "rng_draws_at_start", static_cast<long long>(s.rngDrawsAtStart));
    h5::writeInts(g, "prime", gs.prime);
    h5::writeInts(g, "tune", gs.forcedTune);
}

void writeInterventions(H5::H5File &file, const Session &s)
{
    H5::Group g = group(file, "/interventions");
    std::vector<int> layer, from, to, offsets{0}, units;
    std::vector<std::uint8_t> enabled;
    std::vector<std::string> target, kind;
    std::vector<double> value;
    for (const Intervention &i : s.interventions.items) {
        layer.push_back(i.layer + 1);
        target.emplace_back(i.target == InterventionTarget::Hidden ? "h" : "c");
        kind.emplace_back(i.kind == InterventionKind::Clamp ? "clamp" : "scale");
        value.push_back(i.value);
        from.push_back(i.fromStep);
        to.push_back(i.toStep);
        enabled.push_back(i.enabled ? 1 : 0);
        units.insert(units.end(), i.units.begin(), i.units.end());
        offsets.push_back(static_cast<int>(units.size()));
    }
    h5::writeInts(g, "layer", layer);
    sessionh5::writeStrings(g, "target", target);
    sessionh5::writeStrings(g, "kind", kind);
    h5::writeDoubles(g, "value", value);
    h5::writeInts(g, "from_step", from);
    h5::writeInts(g, "to_step", to);
    sessionh5::writeBytes(g, "enabled", enabled);
    h5::writeInts(g, "units_offset", offsets);
    h5::writeInts(g, "units", units);
}

void writeTrace(H5::H5File &file, const Run &run)
{
    const auto T = static_cast<hsize_t>(run.steps());
    H5::Group r = group(file, "/run");
    h5::writeInts(r, "tokens", run.tokens());
    std::vector<std::uint8_t> forced(T);
    for (hsize_t t = 0; t < T; ++t)
        forced[t] = run.forced(static_cast<int>(t)) ? 1 : 0;
    sessionh5::writeBytes(r, "forced", forced);

    H5::Group g = group(file, "/trace");
    // Small arrays stay contiguous: a chunk index costs more than deflate saves on them.
    const auto compress = [](const std::vector<hsize_t> &d) { return d[0] * d[1] >= kCompressFrom; };
    const std::vector<hsize_t> tv{T, static_cast<hsize_t>(run.vocabSize())};
    h5::writeDoubleArray(g, "logits", run.logitMatrix().data(), tv, compress(tv));
    h5::writeDoubleArray(g, "logprobs", run.logProbMatrix().data(), tv, compress(tv));
    const std::vector<hsize_t> th{T, static_cast<hsize_t>(run.hiddenSize())};
    for (int l = 0; l < run.numLayers(); ++l) {
        H5::Group layer = g.createGroup("layer" + std::to_string(l + 1));
        for (Signal sig : kSignals)
            h5::writeFloatArray(layer, signalName(sig), run.signalMatrix(l, sig).data(), th, compress(th));
    }
}

void writeSelection(H5::H5File &file, const SessionSelection &sel)
{
    H5::Group g = group(file, "/selection");
    h5::writeIntAttribute(g, "step", sel.step);
    h5::writeIntAttribute(g, "layer", sel.layer + 1);
    sessionh5::writeTextAttribute(g, "signal", signalName(sel.signal));
    h5::writeIntAttribute(g, "token", sel.token);
    h5::writeIntAttribute(g, "range_first", sel.rangeFirst);
    h5::writeIntAttribute(g, "range_last", sel.rangeLast);
    h5::writeInts(g, "units", sel.units);
}

// Bob Jenkins' lookup3 hashlittle() over bytes, as HDF5's H5_checksum_metadata computes it.
std::uint32_t lookup3(const unsigned char *k, std::size_t length)
{
    const auto rot = [](std::uint32_t x, int r) { return (x << r) | (x >> (32 - r)); };
    std::uint32_t a, b, c;
    a = b = c = 0xdeadbeef + static_cast<std::uint32_t>(length);
    const auto word = [&](std::size_t at, std::size_t n) {
        std::uint32_t w = 0;
        for (std::size_t j = 0; j < n && j < 4; ++j)
            w += static_cast<std::uint32_t>(k[at + j]) << (8 * j);
        return w;
    };
    while (length > 12) {
        a += word(0, 4);
        b += word(4, 4);
        c += word(8, 4);
        a -= c; a ^= rot(c, 4);  c += b;
        b -= a; b ^= rot(a, 6);  a += c;
        c -= b; c ^= rot(b, 8);  b += a;
        a -= c; a ^= rot(c, 16); c += b;
        b -= a; b ^= rot(a, 19); a += c;
        c -= b; c ^= rot(b, 4);  b += a;
        length -= 12;
        k += 12;
    }
    if (length == 0)
        return c;
    a += word(0, length);
    b += length > 4 ? word(4, length - 4) : 0;
    c += length > 8 ? word(8, length - 8) : 0;
    c ^= b; c -= rot(b, 14);
    a ^= c; a -= rot(c, 11);
    b ^= a; b -= rot(a, 25);
    c ^= b; c -= rot(b, 16);
    a ^= c; a -= rot(c, 4);
    b ^= a; b -= rot(a, 14);
    c ^= b; c -= rot(b, 24);
    return c;
}

// H5Fget_file_image clears the superblock's "open for writing" flags in the copy it returns but,
// in HDF5 1.10, leaves the superblock checksum as it was, so the image would not open. The
// superblock (version 2 or 3) is: signature, version, offset size S, length size, flags, four
// addresses of S bytes, then the lookup3 checksum of everything before it.
void fixSuperblockChecksum(std::vector<char> &image, const std::string &name)
{
    auto *p = reinterpret_cast<unsigned char *>(image.data());
    const std::size_t covered = 12 + 4 * std::size_t(image.size() > 9 ? p[9] : 0);
    if (image.size() < covered + 4 || (p[8] != 2 && p[8] != 3))
        throw InputError(name, "cannot save: HDF5 wrote an unexpected superblock");
    const std::uint32_t sum = lookup3(p, covered);
    for (int j = 0; j < 4; ++j)
        p[covered + static_cast<std::size_t>(j)] = static_cast<unsigned char>(sum >> (8 * j));
}

// The whole file is built in memory (HDF5's core driver) and written out by writeImage(): HDF5
// does not recover well from a failing write (a full disk left it with a half-closed file that
// crashed the library at exit), and our own write() reports errno exactly.
std::vector<char> sessionImage(const Session &s, const std::string &name)
{
    H5::FileAccPropList fapl;
    fapl.setCore(std::size_t(1) << 20, /*backing_store=*/false);
    // HDF5 1.10's file format: superblock 3, object headers 2 and chunk indices with checksums,
    // so a damaged file is refused by HDF5's checksum checks before its parser trusts the bytes.
    fapl.setLibverBounds(H5F_LIBVER_V110, H5F_LIBVER_LATEST);
    H5::H5File f(name, H5F_ACC_TRUNC, H5::FileCreatPropList::DEFAULT, fapl);
    sessionh5::writeTextAttribute(f, "format", "folkrnn-session");
    h5::writeIntAttribute(f, "format_version", kSessionFormatVersion);
    sessionh5::writeTextAttribute(f, "created_by", std::string("folk-rnn Inspector ") + FOLKRNN_VERSION);
    writeModel(f, s);
    writeSettings(f, s);
    writeInterventions(f, s);
    writeTrace(f, *s.run);
    writeSelection(f, s.selection);
    {
        H5::Group view = group(f, "/view");
        sessionh5::writeBytes(view, "layout", s.viewLayout);
    }
    sessionh5::writeBytes(f, "/notes", std::vector<std::uint8_t>(s.notes.begin(), s.notes.end()));
    f.flush(H5F_SCOPE_GLOBAL);
    const ssize_t size = H5Fget_file_image(f.getId(), nullptr, 0);
    if (size <= 0)
        throw InputError(name, "cannot save: HDF5 gave no file image");
    std::vector<char> image(static_cast<std::size_t>(size));
    if (H5Fget_file_image(f.getId(), image.data(), image.size()) != size)
        throw InputError(name, "cannot save: HDF5 gave an incomplete file image");
    f.close();
    fixSuperblockChecksum(image, name);
    return image;
}

// Writes `image` to a new file `file` and syncs it to the disk; errors say what the system said.
void writeImage(const std::string &file, const std::vector<char> &image, const std::string &path)
{
    // Built before close(), which may change errno.
    const auto failed = [&] { return InputError(path, std::string("cannot save: ") + std::strerror(errno)); };
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int err = errno;
        const std::filesystem::path dir = std::filesystem::path(file).parent_path();
        throw InputError(path, "cannot save: cannot create a file in the folder " +
                                   (dir.empty() ? std::string(".") : dir.string()) + " (" + std::strerror(err) + ")");
    }
    std::size_t done = 0;
    while (done < image.size()) {
        const ssize_t n = ::write(fd, image.data() + done, image.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = ENOSPC;
            const InputError e = failed();
            ::close(fd);
            throw e;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const InputError e = failed();
        ::close(fd);
        throw e;
    }
    if (::close(fd) != 0)
        throw failed();
}

std::string folderProblem(const std::filesystem::path &target)
{
    namespace fs = std::filesystem;
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::exists(dir, ec))
        return "the folder " + dir.string() + " does not exist";
    if (!fs::is_directory(dir, ec))
        return dir.string() + " is not a folder";
    return {};
}

} // namespace

void saveSession(const Session &session, const std::string &path)
{
    validateSession(session, path);
    if (const std::string problem = folderProblem(path); !problem.empty())
        throw InputError(path, "cannot save: " + problem);
    writeAtomically(path, [&](const std::filesystem::path &tmp) {
        std::vector<char> image;
        {
            sessionh5::ErrorCapture capture;
            try {
                image = sessionImage(session, tmp.string());
            } catch (const H5::Exception &e) {
                const std::string why = capture.reason();
                throw InputError(path, "cannot save: " + (why.empty() ? h5::describe(e) : why));
            }
            // A failure inside a destructor (a dataset flushing its chunks on close) throws nothing.
            if (const std::string why = capture.reason(); !why.empty())
                throw InputError(path, "cannot save: " + why);
        }
        writeImage(tmp.string(), image, path);
        image = {};
        // Read back what reached the disk before it may replace anything.
        Session back;
        try {
            back = readSessionFile(tmp.string());
        } catch (const InputError &e) {
            throw InputError(path, std::string("cannot save: the written file does not read back (") + e.what() + ")");
        }
        std::string difference;
        if (!sameSession(session, back, &difference))
            throw InputError(path, "cannot save: the written file reads back with a different " + difference);
    });
}

} // namespace folkrnn

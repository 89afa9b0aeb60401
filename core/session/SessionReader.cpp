// readSessionFile: the reading half of SessionFile.h. Every array's shape is checked against the
// sizes declared in /model and the token count before it is read (SESSION-FORMAT.md).
#include "core/session/SessionFile.h"

#include "core/hdf5/Hdf5Util.h"
#include "core/model/ModelFile.h"
#include "core/session/SessionHdf5.h"
#include "core/util/Error.h"
#include "core/util/MemoryBudget.h"

#include <H5Cpp.h>

#include <climits>
#include <cmath>
#include <fstream>
#include <stdexcept>

namespace folkrnn {

namespace {

using h5::BadObject;
using h5::MissingObject;

H5::Group openGroup(const H5::Group &where, const std::string &path)
{
    if (!h5::exists(where, path))
        throw MissingObject("group " + path);
    if (where.childObjType(path) != H5O_TYPE_GROUP)
        throw BadObject(path + " is not a group");
    return where.openGroup(path);
}

long long intAttribute(const H5::H5Object &obj, const std::string &where, const std::string &name, long long min,
                       long long max)
{
    if (!obj.attrExists(name))
        throw MissingObject("attribute " + name + " of " + where);
    const long long v = h5::readIntAttribute(obj, name, 0);
    if (v < min || v > max)
        throw BadObject("attribute " + name + " of " + where + " is " + std::to_string(v) + ", outside " +
                        std::to_string(min) + ".." + std::to_string(max));
    return v;
}

std::string textAttribute(const H5::H5Object &obj, const std::string &where, const std::string &name)
{
    if (!obj.attrExists(name))
        throw MissingObject("attribute " + name + " of " + where);
    return sessionh5::readAttributeText(obj, name, {});
}

struct Shape {
    int layers = 0;
    int hidden = 0;
    int vocab = 0;
};

std::shared_ptr<const std::vector<std::string>> readModel(const H5::H5File &file, Session &s, Shape &shape)
{
    H5::Group g = openGroup(file, "/model");
    s.modelPath = textAttribute(g, "/model", "path");
    s.modelFingerprint = textAttribute(g, "/model", "fingerprint");
    s.modelName = textAttribute(g, "/model", "name");
    shape.layers = static_cast<int>(intAttribute(g, "/model", "layers", 1, kMaxSessionLayers));
    shape.hidden = static_cast<int>(intAttribute(g, "/model", "hidden", 1, kMaxSessionHidden));
    auto vocabulary = std::make_shared<const std::vector<std::string>>(
        sessionh5::readStrings(file, "/model/vocabulary", -1, kMaxSessionVocabulary));
    shape.vocab = static_cast<int>(vocabulary->size());
    if (shape.vocab == 0)
        throw BadObject("/model/vocabulary is empty");
    return vocabulary;
}

void readSettings(const H5::H5File &file, Session &s)
{
    H5::Group g = openGroup(file, "/settings");
    GenerationSettings &gs = s.settings;
    const std::string mode = textAttribute(g, "/settings", "mode");
    if (mode != "sampled" && mode != "teacher-forced")
        throw BadObject("/settings mode is \"" + mode + "\", expected sampled or teacher-forced");
    gs.seed = static_cast<std::uint32_t>(intAttribute(g, "/settings", "seed", 0, 4294967295LL));
    if (!g.attrExists("temperature"))
        throw MissingObject("attribute temperature of /settings");
    gs.temperature = h5::readDoubleAttribute(g, "temperature", NAN);
    gs.maxLength = static_cast<int>(intAttribute(g, "/settings", "max_length", 1, kMaxSteps));
    s.rngDrawsAtStart = static_cast<std::uint64_t>(
        intAttribute(g, "/settings", "rng_draws_at_start", 0, static_cast<long long>(kMaxRngDrawsAtStart)));
    gs.prime = sessionh5::readInts(file, "/settings/prime", -1, kMaxSteps);
    gs.forcedTune = sessionh5::readInts(file, "/settings/tune", -1, kMaxSteps);
    if ((mode == "teacher-forced") != gs.teacherForced())
        throw BadObject("/settings mode is " + mode + " but /settings/tune has " +
                        std::to_string(gs.forcedTune.size()) + " tokens");
}

void readInterventions(const H5::H5File &file, Session &s)
{
    openGroup(file, "/interventions");
    const std::string p = "/interventions/";
    const auto n = static_cast<long long>(sessionh5::dims(file, p + "layer", 1)[0]);
    if (n > kMaxSessionInterventions)
        throw BadObject("/interventions holds more than " + std::to_string(kMaxSessionInterventions) +
                        " interventions");
    const auto layer = sessionh5::readInts(file, p + "layer", n, kMaxSessionInterventions);
    const auto target = sessionh5::readStrings(file, p + "target", n, kMaxSessionInterventions);
    const auto kind = sessionh5::readStrings(file, p + "kind", n, kMaxSessionInterventions);
    const auto value = sessionh5::readDoubles(file, p + "value", {static_cast<hsize_t>(n)});
    const auto from = sessionh5::readInts(file, p + "from_step", n, kMaxSessionInterventions);
    const auto to = sessionh5::readInts(file, p + "to_step", n, kMaxSessionInterventions);
    const auto enabled = sessionh5::readBytes(file, p + "enabled", kMaxSessionInterventions);
    const auto offsets = sessionh5::readInts(file, p + "units_offset", n + 1, kMaxSessionInterventions + 1);
    const auto units = sessionh5::readInts(file, p + "units", -1, hsize_t(1) << 24);
    if (static_cast<long long>(enabled.size()) != n)
        throw BadObject("/interventions/enabled does not have one flag per intervention");
    if (offsets[0] != 0 || offsets.back() != static_cast<int>(units.size()))
        throw BadObject("/interventions/units_offset does not span /interventions/units");
    for (std::size_t i = 0; i + 1 < offsets.size(); ++i)
        if (offsets[i + 1] < offsets[i])
            throw BadObject("/interventions/units_offset decreases");
    for (long long k = 0; k < n; ++k) {
        const auto i = static_cast<std::size_t>(k);
        if (target[i] != "h" && target[i] != "c")
            throw BadObject("/interventions/target[" + std::to_string(k) + "] is \"" + target[i] +
                            "\", expected h or c");
        if (kind[i] != "clamp" && kind[i] != "scale")
            throw BadObject("/interventions/kind[" + std::to_string(k) + "] is \"" + kind[i] +
                            "\", expected clamp or scale");
        if (enabled[i] > 1)
            throw BadObject("/interventions/enabled[" + std::to_string(k) + "] is neither 0 nor 1");
        if (layer[i] < 1)
            throw BadObject("/interventions/layer[" + std::to_string(k) + "] is below 1");
        Intervention it;
        it.layer = layer[i] - 1;
        it.units.assign(units.begin() + offsets[i], units.begin() + offsets[i + 1]);
        it.target = target[i] == "h" ? InterventionTarget::Hidden : InterventionTarget::Cell;
        it.kind = kind[i] == "clamp" ? InterventionKind::Clamp : InterventionKind::Scale;
        it.value = value[i];
        it.fromStep = from[i];
        it.toStep = to[i];
        it.enabled = enabled[i] == 1;
        s.interventions.items.push_back(std::move(it));
    }
}

std::shared_ptr<const Run> readTrace(const H5::H5File &file, const Shape &shape,
                                     std::shared_ptr<const std::vector<std::string>> vocabulary)
{
    openGroup(file, "/run");
    Run::Arrays a;
    a.tokens = sessionh5::readInts(file, "/run/tokens", -1, kMaxSteps);
    const auto T = static_cast<hsize_t>(a.tokens.size());
    for (int id : a.tokens)
        if (id < 0 || id >= shape.vocab)
            throw BadObject("/run/tokens holds token id " + std::to_string(id) + ", outside the vocabulary of " +
                            std::to_string(shape.vocab));
    const auto forced = sessionh5::readBytes(file, "/run/forced", kMaxSteps);
    if (forced.size() != T)
        throw BadObject("/run/forced has " + std::to_string(forced.size()) + " flags for " + std::to_string(T) +
                        " tokens");
    for (std::uint8_t f : forced) {
        if (f > 1)
            throw BadObject("/run/forced holds a value other than 0 and 1");
        a.forced.push_back(static_cast<char>(f));
    }

    openGroup(file, "/trace");
    // Each array is bounded on its own; all of them together must also fit in memory.
    const std::uint64_t perStep = 2 * sizeof(double) * static_cast<std::uint64_t>(shape.vocab) +
                                  kSignalCount * sizeof(float) * static_cast<std::uint64_t>(shape.layers) *
                                      static_cast<std::uint64_t>(shape.hidden);
    if (const std::uint64_t bytes = saturatingMultiply(perStep, T); bytes > memoryBudgetBytes())
        throw BadObject("the trace of " + std::to_string(T) + " steps needs " + formatBytes(bytes) +
                        " of memory; this machine allows " + formatBytes(memoryBudgetBytes()));
    const std::vector<hsize_t> tv{T, static_cast<hsize_t>(shape.vocab)};
    a.logits = sessionh5::readDoubles(file, "/trace/logits", tv);
    a.logProbs = sessionh5::readDoubles(file, "/trace/logprobs", tv);
    const std::vector<hsize_t> th{T, static_cast<hsize_t>(shape.hidden)};
    for (int l = 1; l <= shape.layers; ++l) {
        const std::string layer = "/trace/layer" + std::to_string(l);
        openGroup(file, layer);
        for (Signal sig : kSignals)
            a.signalValues.push_back(sessionh5::readFloats(file, layer + "/" + signalName(sig), th));
    }
    if (h5::exists(file, "/trace/layer" + std::to_string(shape.layers + 1)))
        throw BadObject("/trace has more layers than /model declares (" + std::to_string(shape.layers) + ")");
    int start = 0;
    while (start < shape.vocab && (*vocabulary)[static_cast<std::size_t>(start)] != "<s>")
        ++start;
    if (T > 0 && start == shape.vocab)
        throw BadObject("/model/vocabulary has no <s> token");
    try {
        return std::make_shared<const Run>(
            Run::fromArrays(std::move(vocabulary), shape.layers, shape.hidden, start, std::move(a)));
    } catch (const std::invalid_argument &e) {
        throw BadObject(std::string("inconsistent trace: ") + e.what());
    }
}

void readSelection(const H5::H5File &file, Session &s)
{
    H5::Group g = openGroup(file, "/selection");
    SessionSelection &sel = s.selection;
    sel.step = static_cast<int>(intAttribute(g, "/selection", "step", 0, kMaxSteps));
    sel.layer = static_cast<int>(intAttribute(g, "/selection", "layer", 1, kMaxSessionLayers)) - 1;
    const std::string signal = textAttribute(g, "/selection", "signal");
    if (!parseSignal(signal, sel.signal))
        throw BadObject("/selection signal is \"" + signal + "\", expected one of h c i f o g");
    sel.token = static_cast<int>(intAttribute(g, "/selection", "token", -1, kMaxSessionVocabulary));
    sel.rangeFirst = static_cast<int>(intAttribute(g, "/selection", "range_first", INT_MIN, INT_MAX));
    sel.rangeLast = static_cast<int>(intAttribute(g, "/selection", "range_last", INT_MIN, INT_MAX));
    sel.units = sessionh5::readInts(file, "/selection/units", -1, kMaxSessionHidden);
}

// The byte after the 8-byte signature. Versions 2 and 3 carry a checksum, and files written with
// them use checksummed object headers too: HDF5's parser then sees only bytes that passed a check.
int superblockVersion(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    char head[9] = {};
    in.read(head, 9);
    return in.gcount() == 9 ? static_cast<unsigned char>(head[8]) : -1;
}

Session readSession(const std::string &path)
{
    H5::H5File file(path, H5F_ACC_RDONLY);
    // Session files hold fixed-length strings only; a variable-length `format` is another kind of file.
    const std::string format = sessionh5::isVariableLengthText(file, "format")
                                   ? "(variable-length)"
                                   : sessionh5::readAttributeText(file, "format", "");
    if (format != "folkrnn-session")
        throw InputError(path, "not a folk-rnn session file (attribute format is \"" + format +
                                   "\", expected \"folkrnn-session\")");
    const long long version = h5::readIntAttribute(file, "format_version", -1);
    if (version != kSessionFormatVersion)
        throw InputError(path, "unsupported session format version " + std::to_string(version) +
                                   " (this program reads version " + std::to_string(kSessionFormatVersion) + ")");
    Session s;
    Shape shape;
    auto vocabulary = readModel(file, s, shape);
    readSettings(file, s);
    readInterventions(file, s);
    s.run = readTrace(file, shape, std::move(vocabulary));
    readSelection(file, s);
    openGroup(file, "/view");
    s.viewLayout = sessionh5::readBytes(file, "/view/layout", kMaxSessionBlobBytes);
    const auto notes = sessionh5::readBytes(file, "/notes", kMaxSessionBlobBytes);
    s.notes.assign(notes.begin(), notes.end());
    return s;
}

} // namespace

Session readSessionFile(const std::string &path)
{
    h5::requireReadableFile(path);
    if (!looksLikeHdf5(path))
        throw InputError(path, "not a session file (a folk-rnn session is an HDF5 file)");
    if (const int v = superblockVersion(path); v < 2)
        throw InputError(path, "not a session file: HDF5 superblock version " + std::to_string(v) +
                                   " has no checksums (session files use version 2 or later)");
    Session s;
    try {
        h5::silenceErrors();
        s = readSession(path);
    } catch (const H5::Exception &e) {
        throw InputError(path, "damaged or incomplete session file (" + h5::describe(e) + ")");
    } catch (const MissingObject &e) {
        throw InputError(path, std::string("damaged session file: missing ") + e.what());
    } catch (const BadObject &e) {
        throw InputError(path, std::string("damaged session file: ") + e.what());
    }
    validateSession(s, path);
    return s;
}

} // namespace folkrnn

#include "core/session/Session.h"

#include "core/session/ModelFingerprint.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

namespace folkrnn {

Session captureSession(Generator &generator, const std::string &modelPath, const std::string &fingerprint)
{
    const Run &run = generator.run();
    const Model &model = generator.simulator().model();
    Session s;
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(modelPath, ec);
    s.modelPath = ec || modelPath.empty() ? modelPath : absolute.lexically_normal().string();
    s.modelFingerprint = fingerprint.empty() ? modelFingerprint(model) : fingerprint;
    s.modelName = model.provenance.name;
    s.settings = generator.settings();
    s.interventions = generator.simulator().interventions();
    s.run = std::make_shared<const Run>(run);
    // Every sampled step draws two 32-bit outputs (numpy's random_sample), forced steps none, so
    // the draws taken before this tune are the sampler's position less this tune's draws.
    std::uint64_t sampled = 0;
    for (int t = 0; t < run.steps(); ++t)
        sampled += run.forced(t) ? 0 : 1;
    s.rngDrawsAtStart = generator.sampler().draws() - 2 * sampled;
    return s;
}

bool isValidUtf8(const std::string &text)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    for (std::size_t k = 0; k < n;) {
        const unsigned char c = p[k];
        std::size_t len = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            ++k;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (k + len > n)
            return false;
        for (std::size_t j = 1; j < len; ++j) {
            if ((p[k + j] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[k + j] & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
        static constexpr char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        k += len;
    }
    return true;
}

namespace {

void require(bool ok, const std::string &source, const std::string &problem)
{
    if (!ok)
        throw InputError(source, problem);
}

void checkTokens(const std::vector<int> &tokens, int V, const std::string &source, const std::string &what)
{
    require(tokens.size() <= static_cast<std::size_t>(kMaxSteps), source,
            what + " has more than " + std::to_string(kMaxSteps) + " tokens");
    for (int t : tokens)
        require(t >= 0 && t < V, source,
                what + " holds token id " + std::to_string(t) + ", outside the vocabulary of " +
                                             std::to_string(V));
}

void validateSelection(const SessionSelection &sel, const Run &run, const std::string &source)
{
    const int T = run.steps();
    require(sel.layer >= 0 && sel.layer < run.numLayers(), source,
            "selected layer " + std::to_string(sel.layer + 1) + " does not exist");
    require(sel.step >= 0 && sel.step < std::max(T, 1), source,
            "selected step " + std::to_string(sel.step) + " is outside the run's " + std::to_string(T) + " steps");
    require(sel.units.size() <= static_cast<std::size_t>(kMaxSessionHidden), source, "too many selected units");
    for (int u : sel.units)
        require(u >= 0 && u < run.hiddenSize(), source, "selected unit " + std::to_string(u) + " does not exist");
    require(sel.token >= -1 && sel.token < run.vocabSize(), source,
            "selected token id " + std::to_string(sel.token) + " is outside the vocabulary");
    if (sel.rangeLast >= sel.rangeFirst)
        require(sel.rangeFirst >= 0 && sel.rangeLast < T, source,
                "selected step range " + std::to_string(sel.rangeFirst) + "-" + std::to_string(sel.rangeLast) +
                    " is outside the run's " + std::to_string(T) + " steps");
}

} // namespace

void validateSession(const Session &s, const std::string &source)
{
    require(s.run != nullptr, source, "the session has no run");
    const Run &run = *s.run;
    const int V = run.vocabSize();
    const int T = run.steps();
    require(run.hasSignals(), source, "the run was recorded without signals (record h c i f o g to save it)");
    require(V >= 1 && V <= kMaxSessionVocabulary, source, "vocabulary size " + std::to_string(V) + " is out of range");
    require(run.numLayers() >= 1 && run.numLayers() <= kMaxSessionLayers, source,
            "layer count " + std::to_string(run.numLayers()) + " is out of range");
    require(run.hiddenSize() >= 1 && run.hiddenSize() <= kMaxSessionHidden, source,
            "hidden size " + std::to_string(run.hiddenSize()) + " is out of range");
    require(isFingerprint(s.modelFingerprint), source, "the model fingerprint is not 64 hexadecimal digits");
    // Strings are stored fixed-length and NUL-padded (SESSION-FORMAT.md), in attributes of 64 KiB at most.
    const auto plainText = [](const std::string &t, std::size_t max) {
        return t.size() <= max && t.find('\0') == std::string::npos;
    };
    require(plainText(s.modelPath, 16384) && plainText(s.modelName, 16384), source,
            "the model path or name is longer than 16 KiB or holds a NUL character");
    for (const std::string &token : run.vocabulary())
        require(plainText(token, 4096), source,
                "a vocabulary token is longer than 4096 bytes or holds a NUL character");

    const GenerationSettings &g = s.settings;
    require(std::isfinite(g.temperature) && g.temperature > 0.0, source, "temperature must be a positive number");
    require(g.maxLength >= 1 && g.maxLength <= kMaxSteps, source,
            "max length " + std::to_string(g.maxLength) + " is outside 1.." + std::to_string(kMaxSteps));
    checkTokens(g.prime, V, source, "the prime");
    checkTokens(g.forcedTune, V, source, "the teacher-forced tune");
    require(T <= g.maxLength, source,
            "the run has " + std::to_string(T) + " steps, more than max length " + std::to_string(g.maxLength));
    require(!g.teacherForced() || T <= static_cast<int>(g.forcedTune.size()), source,
            "the run has more steps than the teacher-forced tune has tokens");
    require(s.rngDrawsAtStart <= kMaxRngDrawsAtStart, source, "the sampler position at the tune's start is too large");
    require(T == 0 || std::find(run.vocabulary().begin(), run.vocabulary().end(), "<s>") != run.vocabulary().end(),
            source, "the vocabulary has no <s> token");

    require(s.interventions.items.size() <= static_cast<std::size_t>(kMaxSessionInterventions), source,
            "too many interventions");
    try {
        s.interventions.validate(run.numLayers(), run.hiddenSize());
    } catch (const InputError &e) {
        throw InputError(source, e.what());
    }
    validateSelection(s.selection, run, source);
    require(s.viewLayout.size() <= kMaxSessionBlobBytes, source, "the view layout is larger than 64 MiB");
    require(s.notes.size() <= kMaxSessionBlobBytes, source, "the notes are larger than 64 MiB");
    require(s.notes.find('\0') == std::string::npos, source, "the notes contain a NUL character");
    require(isValidUtf8(s.notes), source, "the notes are not valid UTF-8 text");
}

namespace {

template <typename M>
bool sameBits(const M &a, const M &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           (a.size() == 0 ||
            std::memcmp(a.data(), b.data(), sizeof(*a.data()) * static_cast<std::size_t>(a.size())) == 0);
}

const char *traceDifference(const Run &a, const Run &b)
{
    if (a.vocabulary() != b.vocabulary())
        return "vocabulary";
    if (a.numLayers() != b.numLayers() || a.hiddenSize() != b.hiddenSize() || a.hasSignals() != b.hasSignals())
        return "trace shape";
    if (a.tokens() != b.tokens())
        return "tokens";
    if (a.inputs() != b.inputs())
        return "inputs";
    for (int t = 0; t < a.steps(); ++t)
        if (a.forced(t) != b.forced(t))
            return "forced flags";
    if (!sameBits(a.logitMatrix(), b.logitMatrix()))
        return "logits";
    if (!sameBits(a.logProbMatrix(), b.logProbMatrix()))
        return "log-probabilities";
    if (a.hasSignals())
        for (int l = 0; l < a.numLayers(); ++l)
            for (Signal sig : kSignals)
                if (!sameBits(a.signalMatrix(l, sig), b.signalMatrix(l, sig)))
                    return "signals";
    return nullptr;
}

} // namespace

bool sameSession(const Session &a, const Session &b, std::string *difference)
{
    const char *diff = nullptr;
    if (a.modelPath != b.modelPath)
        diff = "model path";
    else if (a.modelFingerprint != b.modelFingerprint)
        diff = "model fingerprint";
    else if (a.modelName != b.modelName)
        diff = "model name";
    else if (!(a.settings == b.settings))
        diff = "settings";
    else if (a.rngDrawsAtStart != b.rngDrawsAtStart)
        diff = "sampler position";
    else if (!(a.interventions == b.interventions))
        diff = "interventions";
    else if (!(a.selection == b.selection))
        diff = "selection";
    else if (a.viewLayout != b.viewLayout)
        diff = "view layout";
    else if (a.notes != b.notes)
        diff = "notes";
    else if (!a.run || !b.run)
        diff = a.run == b.run ? nullptr : "run";
    else
        diff = traceDifference(*a.run, *b.run);
    if (diff && difference)
        *difference = diff;
    return diff == nullptr;
}

} // namespace folkrnn

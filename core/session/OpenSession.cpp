#include "core/session/OpenSession.h"

#include "core/model/OpenModel.h"
#include "core/session/ModelFingerprint.h"
#include "core/session/SessionFile.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace folkrnn {

std::string ReplayCheck::describeDifference(const std::vector<std::string> &vocabulary) const
{
    if (reproduced())
        return {};
    const auto text = [&](int id) -> std::string {
        if (id < 0)
            return "(run ended)";
        // Appended rather than "#" + std::to_string(id): GCC 12 warns falsely (-Wrestrict) on that.
        std::string out = id >= static_cast<int>(vocabulary.size()) ? "#" : "\"";
        out += id >= static_cast<int>(vocabulary.size()) ? std::to_string(id)
                                                         : vocabulary[static_cast<std::size_t>(id)] + "\"";
        return out;
    };
    std::string out = "step ";
    out += std::to_string(firstDifference) + ": stored " + text(storedToken) + ", replayed " + text(replayedToken);
    return out;
}

Replay replaySession(const Session &session, std::shared_ptr<const Model> model, bool recordSignals,
                     const std::string &source)
{
    const Run &stored = *session.run;
    if (model->vocabulary != stored.vocabulary() || model->numLayers() != stored.numLayers() ||
        model->hiddenSize() != stored.hiddenSize())
        throw InputError(source, "the stored trace does not have the model's shape (layers, units or vocabulary)");
    Replay r;
    try {
        r.generator = std::make_unique<Generator>(model, session.settings, recordSignals);
        session.interventions.validate(model->numLayers(), model->hiddenSize());
    } catch (const InputError &e) {
        throw InputError(source, std::string("cannot replay: ") + e.what());
    }
    Generator &gen = *r.generator;
    if (session.rngDrawsAtStart > 0) {
        gen.sampler().rewindTo(session.rngDrawsAtStart);
        gen.startNextTune();
    }
    gen.simulator().setInterventions(session.interventions);
    const int T = stored.steps();
    while (gen.run().steps() < T && !gen.finished())
        gen.stepForward();

    const Run &replayed = gen.run();
    ReplayCheck &c = r.check;
    c.storedSteps = T;
    c.replayedSteps = replayed.steps();
    const int common = std::min(c.storedSteps, c.replayedSteps);
    int same = common;
    for (int t = 0; t < common; ++t)
        if (stored.token(t) != replayed.token(t)) {
            same = t;
            break;
        }
    if (same < common || c.storedSteps != c.replayedSteps) {
        c.firstDifference = same;
        c.storedToken = same < c.storedSteps ? stored.token(same) : -1;
        c.replayedToken = same < c.replayedSteps ? replayed.token(same) : -1;
    }
    // Steps after the first difference consume different inputs: only earlier ones compare.
    for (int t = 0; t < same; ++t) {
        const auto a = stored.logProbs(t);
        const auto b = replayed.logProbs(t);
        for (Eigen::Index k = 0; k < a.size(); ++k)
            if (a[k] != b[k]) // equal infinities are no difference
                c.maxLogProbDifference = std::max(c.maxLogProbDifference, std::abs(a[k] - b[k]));
    }
    return r;
}

namespace {

std::vector<std::string> candidatePaths(const Session &s, const std::string &sessionPath, const OpenSessionOptions &o)
{
    namespace fs = std::filesystem;
    if (!o.modelPath.empty())
        return {o.modelPath};
    std::vector<std::string> paths;
    if (!s.modelPath.empty()) {
        paths.push_back(s.modelPath);
        // A session shared with its model beside it, in another folder than the author's.
        const fs::path beside = fs::path(sessionPath).parent_path() / fs::path(s.modelPath).filename();
        std::error_code ec;
        if (!fs::equivalent(beside, s.modelPath, ec))
            paths.push_back(beside.string());
    }
    return paths;
}

} // namespace

OpenedSession resumeSession(Session session, const std::string &path, const OpenSessionOptions &options)
{
    namespace fs = std::filesystem;
    OpenedSession out;
    out.session = std::move(session);
    const Session &s = out.session;
    const std::vector<std::string> paths = candidatePaths(s, path, options);
    out.modelPath = paths.empty() ? s.modelPath : paths.front();

    std::shared_ptr<const Model> matched;
    if (options.model && modelFingerprint(*options.model) == s.modelFingerprint) {
        matched = options.model;
        out.modelPath = options.modelPath.empty() ? s.modelPath : options.modelPath;
    }
    std::string different, unreadable, unreadableWhy;
    for (const std::string &p : paths) {
        if (matched)
            break;
        std::error_code ec;
        if (!fs::is_regular_file(p, ec))
            continue;
        try {
            auto model = std::make_shared<const Model>(openModel(p));
            if (modelFingerprint(*model) == s.modelFingerprint) {
                matched = std::move(model);
                out.modelPath = p;
            } else if (different.empty()) {
                different = p;
            }
        } catch (const InputError &e) {
            if (unreadable.empty()) {
                unreadable = p;
                unreadableWhy = e.what();
            }
        }
    }

    if (!matched) {
        if (!different.empty()) {
            out.status = SessionOpenStatus::ModelDifferent;
            out.modelPath = different;
            out.modelProblem =
                "The model " + different + " is not the one this session was made with (its weights differ)";
        } else if (!unreadable.empty()) {
            out.status = SessionOpenStatus::ModelUnreadable;
            out.modelPath = unreadable;
            out.modelProblem = "The model could not be read (" + unreadableWhy + ")";
        } else {
            out.status = SessionOpenStatus::ModelMissing;
            out.modelProblem = "The model " + (out.modelPath.empty() ? std::string("file") : out.modelPath) +
                               (s.modelName.empty() ? "" : " (\"" + s.modelName + "\")") + " was not found";
        }
        out.message = out.modelProblem + "; the session is open read-only from its stored trace.";
        return out;
    }

    Replay replay = replaySession(s, matched, options.recordSignals, path);
    out.model = std::move(matched);
    out.generator = std::move(replay.generator);
    out.replay = replay.check;
    if (replay.check.reproduced()) {
        out.status = SessionOpenStatus::Replayed;
        out.message = "Replayed " + std::to_string(replay.check.replayedSteps) + " steps with " + out.modelPath +
                      ": the stored tokens are reproduced.";
    } else {
        out.status = SessionOpenStatus::ReplayMismatch;
        out.message = "The replay with " + out.modelPath + " differs from the stored tune at " +
                      replay.check.describeDifference(s.run->vocabulary()) +
                      "; the stored trace is shown read-only.";
    }
    return out;
}

OpenedSession openSession(const std::string &path, const OpenSessionOptions &options)
{
    return resumeSession(readSessionFile(path), path, options);
}

} // namespace folkrnn

#pragma once
#include "core/model/Model.h"
#include "core/session/Session.h"
#include "core/sim/Generator.h"

#include <memory>
#include <optional>
#include <string>

namespace folkrnn {

// How a replay of a stored session compared with the stored tune.
struct ReplayCheck {
    int storedSteps = 0;
    int replayedSteps = 0;
    // First step whose token differs, or where one of the two runs ends early; -1 when the stored
    // tokens are reproduced.
    int firstDifference = -1;
    int storedToken = -1;   // at firstDifference; -1 where the stored run has no such step
    int replayedToken = -1; // at firstDifference; -1 where the replay has no such step
    // Largest |log p| difference over the steps before firstDifference (0 when bit-identical).
    double maxLogProbDifference = 0.0;

    bool reproduced() const { return firstDifference < 0; }
    // "step 12: stored \"A\", replayed \"B\"" (token texts from `vocabulary`); empty when reproduced.
    std::string describeDifference(const std::vector<std::string> &vocabulary) const;
};

struct Replay {
    std::unique_ptr<Generator> generator; // positioned at the end of the replay, ready to go on
    ReplayCheck check;
};

// Runs the session's settings and interventions on `model` (from the tune's RNG position) up to
// the stored number of steps and compares the tokens. Throws InputError(source, ...) when the
// model cannot run the session (shapes or vocabulary differ, settings out of its range).
Replay replaySession(const Session &session, std::shared_ptr<const Model> model, bool recordSignals,
                     const std::string &source);

enum class SessionOpenStatus {
    Replayed,        // the model matched and the replay reproduced the stored tokens: live, editable
    ReplayMismatch,  // the model matched but the replay took other tokens: stored trace shown, read-only
    ModelMissing,    // no model file found: read-only from the stored trace
    ModelDifferent,  // a model file was found but its fingerprint differs: read-only
    ModelUnreadable, // a model file was found but could not be read: read-only
};

struct OpenSessionOptions {
    // Non-empty: use this model file instead of looking for the stored one ("Locate model...").
    std::string modelPath;
    // Non-null: a model already in memory, used when its fingerprint matches (no file is read).
    std::shared_ptr<const Model> model;
    // The replay records h c i f o g (the GUI's views need them; a verification does not).
    bool recordSignals = true;
};

struct OpenedSession {
    Session session; // as stored; session.run is the stored trace
    SessionOpenStatus status = SessionOpenStatus::ModelMissing;
    std::string message;   // one sentence saying what happened and why, for a dialog or status bar
    std::string modelProblem; // why the model could not be used ("The model X was not found"); empty when it was
    std::string modelPath; // the model file used, or the one looked for
    // When the model matched (Replayed, ReplayMismatch): the model, the replayed generator (its
    // run is the replay) and the comparison. Null / empty otherwise.
    std::shared_ptr<const Model> model;
    std::unique_ptr<Generator> generator;
    std::optional<ReplayCheck> replay;

    bool readOnly() const { return status != SessionOpenStatus::Replayed; }
};

// Reads the session file and resolves its model: options.model, else options.modelPath, else the
// stored path, else a file of the stored name beside the session file. A model whose fingerprint
// matches is replayed and checked; otherwise the session opens read-only, saying why. Throws
// InputError only for a bad session file; a missing or different model is a status, not an error.
OpenedSession openSession(const std::string &path, const OpenSessionOptions &options = {});
// The same for a session already read (a recovery copy, or another model chosen after opening).
OpenedSession resumeSession(Session session, const std::string &path, const OpenSessionOptions &options = {});

} // namespace folkrnn

#pragma once
#include "core/intervene/Intervention.h"
#include "core/sim/Generator.h"
#include "core/sim/Run.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace folkrnn {

// Where the user was looking, as plain data (the GUI's widgets::SelectionState without Qt types).
struct SessionSelection {
    int step = 0;              // the current step; 0 when the run is empty
    int layer = 0;             // from 0 (shown from 1)
    Signal signal = Signal::H;
    std::vector<int> units;    // selected units of `layer`, in selection order
    int token = -1;            // a vocabulary id, or -1 for none
    int rangeFirst = 0;        // visible step range; rangeLast < rangeFirst means all steps
    int rangeLast = -1;
    bool operator==(const SessionSelection &) const = default;
};

// Everything a session file holds (SESSION-FORMAT.md). Plain data: the GUI fills one from its
// document to save, and gets one back (inside OpenedSession) when it opens a file.
struct Session {
    std::string modelPath;        // the model file (captureSession makes it absolute)
    std::string modelFingerprint; // modelFingerprint(model): 64 hex digits
    std::string modelName;        // provenance name, for messages when the model is missing

    GenerationSettings settings;
    // Sampler draws taken before this tune started (Generator::startNextTune); 0 for the first tune.
    std::uint64_t rngDrawsAtStart = 0;
    InterventionSet interventions;
    // The recorded trace, with signals (h c i f o g of every layer). Its vocabulary is the model's.
    std::shared_ptr<const Run> run;

    SessionSelection selection;
    std::vector<std::uint8_t> viewLayout; // opaque to core: e.g. QMainWindow::saveState()
    std::string notes;                    // UTF-8

    const std::vector<int> &tokens() const { return run->tokens(); }
};

// Limits a session must respect; files beyond them are refused before anything is allocated.
inline constexpr int kMaxSessionVocabulary = 65536;
inline constexpr int kMaxSessionLayers = 64;
inline constexpr int kMaxSessionHidden = 65536;
inline constexpr int kMaxSessionInterventions = 100000;
inline constexpr std::size_t kMaxSessionBlobBytes = std::size_t(64) << 20; // layout, notes
inline constexpr std::uint64_t kMaxRngDrawsAtStart = std::uint64_t(1) << 32;

// A session of the tune `generator` holds now: settings, interventions, a copy of its run
// (which must have been recorded with signals), the model's path and fingerprint. Selection,
// layout and notes are left empty for the caller. `fingerprint` may be given when already
// known; otherwise every weight is hashed (0.23 s for a 3x512 model on a busy 2-core machine,
// so a GUI computes it once per model). The generator is not changed; it
// is taken non-const only because Generator gives its sampler's position through sampler().
Session captureSession(Generator &generator, const std::string &modelPath,
                       const std::string &fingerprint = {});

// Throws InputError(source, problem) when the parts disagree: settings outside their limits,
// interventions outside the run's layers and units, a selection outside the run, notes that are
// not UTF-8, a run without signals. saveSession() calls it before writing, the reader after reading.
void validateSession(const Session &session, const std::string &source);

// True when every field is equal and the traces are equal bit for bit (NaNs and signed zeros
// included). `difference`, when given, receives the first field that differs.
bool sameSession(const Session &a, const Session &b, std::string *difference = nullptr);

bool isValidUtf8(const std::string &text);

} // namespace folkrnn

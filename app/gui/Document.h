#pragma once
#include "BaselineRun.h"
#include "DocumentChange.h"

#include "core/intervene/Intervention.h"
#include "core/model/Model.h"
#include "core/session/Session.h"
#include "core/sim/Generator.h"
#include "widgets/selection/Selection.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUndoStack>

#include <memory>

namespace folkrnn::gui {

class RunJob;

// What the settings form holds, as the user typed it.
struct SettingsRequest {
    QString seed;
    double temperature = 1.0;
    QString prime;
    int maxLength = 1000;
};

// What changes in the inspector: the model, the generation settings and interventions, the
// Generator stepping through a tune, the Run the views show, the shared Selection and the undo
// stack. One signal, changed(DocumentChange), tells listeners what was touched (Tiled's Document).
//
// The Run given to views is the generator's own record (no copy per step); it changes only on
// the UI thread, each change followed by changed(Run). Long runs step on a worker thread: the
// views then hold a copy, and the generator is untouched here until the worker has finished.
// Every public mutator first stops a running job, so no caller can race the worker.
class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    // Throws InputError (or another std::exception) naming the file; the current model, settings
    // and run stay as they were.
    void openModel(const QString &path);
    void setModel(std::shared_ptr<const folkrnn::Model> model, const QString &path);
    const std::shared_ptr<const folkrnn::Model> &model() const { return model_; }
    QString modelPath() const { return modelPath_; }

    const folkrnn::GenerationSettings &settings() const { return settings_; }
    // Validated settings from the form (throws InputError naming the field and problem).
    folkrnn::GenerationSettings settingsFrom(const SettingsRequest &request) const;
    // The current settings with `tuneText` (tokens or ABC) to be teacher-forced.
    folkrnn::GenerationSettings traceSettings(const QString &tuneText) const;
    // The current settings back in sampling mode.
    folkrnn::GenerationSettings samplingSettings() const;
    // Undoable: a new generator with `settings`, run to the current length (to the end when
    // tracing a tune).
    void changeSettings(const folkrnn::GenerationSettings &settings);
    // What the undo command calls: replace the generator and run it to `length` steps.
    void applySettings(const folkrnn::GenerationSettings &settings, int length);

    const folkrnn::InterventionSet &interventions() const { return interventions_; }
    // Re-runs from the first step the change affects: here when that is a few steps, otherwise on
    // the worker thread (rerunning()), the views showing the previous run until it is done. A
    // further change while it runs restarts it from the first step either change affects, with
    // the same destination, so a slider drag never waits for a re-run nor shortens the run.
    void setInterventions(folkrnn::InterventionSet set);
    // Undoable setInterventions (InterventionCommand); changes with one merge key >= 0 (a slider
    // drag) merge into one undo step. Throws InputError for units outside the model.
    void changeInterventions(const folkrnn::InterventionSet &set, const QString &text, int mergeKey = -1);
    // What the undo command calls: `set`, then the run brought to `length` steps (< 0: the length
    // setInterventions leaves).
    void applyInterventions(folkrnn::InterventionSet set, int length);

    bool canStepForward() const;
    bool canStepBack() const;
    void stepForward();
    void stepBack();
    void runToEnd();
    void advanceTo(int steps);
    // Back to step 0 of this tune, with the RNG where the tune started.
    void reset();
    // Stops a background run after its current step; the steps made so far are kept.
    void cancel();
    bool busy() const { return job_ != nullptr; }
    // The background job is an intervention re-run (the clamp panel stays live).
    bool rerunning() const { return job_ != nullptr && jobIsRerun_; }
    int jobDone() const;
    int jobTarget() const;

    // The run the views show; valid until the next changed(Run).
    std::shared_ptr<const folkrnn::Run> run() const { return run_; }
    // The untouched run (same settings, no interventions) next to run(): a second generator,
    // followed on every change while there are interventions; run() itself when there are none.
    std::shared_ptr<const folkrnn::Run> baselineRun() const;
    widgets::Selection *selection() { return &selection_; }
    QUndoStack *undoStack() { return &undo_; }

    // Sessions (SessionController). A replayed session becomes the live document; one whose
    // model is missing or different is shown from its stored run alone: no model, nothing to step
    // (readOnly()) until a model is opened.
    void adoptGenerator(std::shared_ptr<const folkrnn::Model> model, const QString &modelPath,
                        std::shared_ptr<folkrnn::Generator> generator);
    void showStoredRun(std::shared_ptr<const folkrnn::Run> run, const folkrnn::GenerationSettings &settings,
                       const folkrnn::InterventionSet &interventions);
    bool readOnly() const { return run_ && !generator_; }
    // The live tune as a session (a background run is stopped first, its steps kept); selection,
    // layout and notes are left to the caller. Throws InputError when no model is open.
    folkrnn::Session captureSession(const std::string &fingerprint);

    // Runs longer than this many steps go to the worker thread.
    static constexpr int kForegroundSteps = 24;

signals:
    void changed(const folkrnn::gui::DocumentChange &change);
    void progress(int done, int target);
    // A background run ended early for a reason the user should see.
    void runFailed(const QString &message);

private:
    // Stops a background run (its steps kept) or lets a re-run complete, and publishes.
    void finishJob();
    void onJobFinished(int jobId);
    void startJob(int target);
    // A background re-run of the interventions up to `target` steps; the views keep `run_` (a
    // copy of what they drew) and learn at the end that steps from `firstChanged` on changed.
    void startRerun(int target, int firstChanged);
    // What both start: the worker on generator_ up to `target`, `announce` sent to listeners.
    void launchJob(int target, bool rerun, DocumentFields announce);
    // Drops a re-run without publishing (a newer change supersedes it).
    void abandonRerun();
    int stepLimit() const;
    void publish(DocumentFields what, int firstStep, int selectStep);
    int settingsLength(const folkrnn::GenerationSettings &settings, int currentLength) const;
    void requireModel() const;

    std::shared_ptr<const folkrnn::Model> model_;
    QString modelPath_;
    folkrnn::GenerationSettings settings_;
    folkrnn::InterventionSet interventions_;
    std::shared_ptr<folkrnn::Generator> generator_;
    std::shared_ptr<const folkrnn::Run> run_;
    BaselineRun baseline_;
    widgets::Selection selection_;
    QUndoStack undo_;
    RunJob *job_ = nullptr;
    int jobId_ = 0;
    bool jobIsRerun_ = false;
    int rerunFirstChanged_ = 0; // for a re-run: the first step that differs from run_
    QTimer progressTimer_;
};

} // namespace folkrnn::gui

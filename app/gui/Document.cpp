#include "Document.h"

#include "InterventionCommand.h"
#include "RunJob.h"
#include "SettingsCommand.h"
#include "TuneInput.h"

#include "core/model/OpenModel.h"
#include "core/model/TokenText.h"
#include "core/util/Error.h"

#include <algorithm>
#include <climits>

namespace folkrnn::gui {

namespace {

// Re-expresses token ids of one vocabulary in another; empty when a token is missing there.
std::vector<int> translateTokens(const std::vector<int> &ids, const std::vector<std::string> &from,
                                 const folkrnn::Model &to)
{
    std::vector<int> out;
    for (int id : ids) {
        const int mapped = to.tokenIndex(from[static_cast<std::size_t>(id)]);
        if (mapped < 0)
            return {};
        out.push_back(mapped);
    }
    return out;
}

} // namespace

Document::Document(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<folkrnn::gui::DocumentChange>();
    progressTimer_.setInterval(100);
    connect(&progressTimer_, &QTimer::timeout, this, [this] { emit progress(jobDone(), jobTarget()); });
}

Document::~Document()
{
    if (job_) {
        job_->cancel();
        job_->wait();
    }
}

void Document::openModel(const QString &path)
{
    // Read first: a file that fails leaves everything as it was.
    auto model = std::make_shared<const folkrnn::Model>(folkrnn::openModel(path.toStdString()));
    setModel(std::move(model), path);
}

void Document::setModel(std::shared_ptr<const folkrnn::Model> model, const QString &path)
{
    finishJob();
    folkrnn::GenerationSettings next = settings_;
    // Keep the prime and traced tune when the new vocabulary has their tokens (a read-only
    // session has no model: its run holds the vocabulary).
    if (const auto *from = model_ ? &model_->vocabulary : run_ ? &run_->vocabulary() : nullptr) {
        next.prime = translateTokens(settings_.prime, *from, *model);
        next.forcedTune = translateTokens(settings_.forcedTune, *from, *model);
    }
    try {
        interventions_.validate(model->numLayers(), model->hiddenSize());
    } catch (const folkrnn::InputError &) {
        interventions_ = {};
    }
    model_ = std::move(model);
    modelPath_ = path;
    settings_ = next;
    undo_.clear(); // commands name tokens of the old vocabulary
    generator_ = std::make_shared<folkrnn::Generator>(model_, settings_);
    generator_->setInterventions(interventions_);
    baseline_.reset(model_, settings_);
    widgets::SelectionState s = selection_.state();
    s.layer = std::clamp(s.layer, 0, std::max(0, model_->numLayers() - 1));
    s.units.removeIf([this](int u) { return u >= model_->hiddenSize(); });
    s.token = -1;
    s.stepRange = {};
    selection_.setState(s);
    publish(DocumentField::Model | DocumentField::Settings | DocumentField::Run, 0, 0);
}

folkrnn::GenerationSettings Document::settingsFrom(const SettingsRequest &request) const
{
    requireModel();
    folkrnn::GenerationSettings s = settings_;
    bool ok = false;
    const qulonglong seed = request.seed.trimmed().toULongLong(&ok);
    if (!ok || seed > 0xFFFFFFFFull)
        throw folkrnn::InputError(tr("seed").toStdString(),
                                  tr("must be a whole number from 0 to 4294967295 (got \"%1\")")
                                      .arg(request.seed.trimmed())
                                      .toStdString());
    s.seed = static_cast<std::uint32_t>(seed);
    s.temperature = request.temperature;
    s.maxLength = request.maxLength;
    s.prime = folkrnn::encodeTokens(model_->vocabulary, request.prime.toStdString(), tr("prime").toStdString());
    s.forcedTune.clear();
    folkrnn::validateSettings(s, *model_);
    return s;
}

folkrnn::GenerationSettings Document::traceSettings(const QString &tuneText) const
{
    requireModel();
    folkrnn::GenerationSettings s = settings_;
    s.forcedTune = parseTuneInput(*model_, tuneText.toStdString());
    if (static_cast<int>(s.forcedTune.size()) > folkrnn::kMaxSteps)
        throw folkrnn::InputError(tr("tune to trace").toStdString(),
                                  tr("longer than %1 tokens").arg(folkrnn::kMaxSteps).toStdString());
    s.maxLength = std::max(s.maxLength, static_cast<int>(s.forcedTune.size()));
    return s;
}

folkrnn::GenerationSettings Document::samplingSettings() const
{
    folkrnn::GenerationSettings s = settings_;
    s.forcedTune.clear();
    return s;
}

void Document::requireModel() const
{
    if (!model_)
        throw folkrnn::InputError(tr("model").toStdString(), tr("no model is open").toStdString());
}

int Document::settingsLength(const folkrnn::GenerationSettings &settings, int currentLength) const
{
    return settings.teacherForced() ? INT_MAX : currentLength;
}

void Document::changeSettings(const folkrnn::GenerationSettings &settings)
{
    if (settings == settings_ || !model_)
        return;
    finishJob();
    const int length = run_ ? run_->steps() : 0;
    undo_.push(new SettingsCommand(this, settings_, length, settings, settingsLength(settings, length)));
}

void Document::applySettings(const folkrnn::GenerationSettings &settings, int length)
{
    finishJob();
    generator_ = std::make_shared<folkrnn::Generator>(model_, settings);
    generator_->setInterventions(interventions_);
    baseline_.reset(model_, settings);
    settings_ = settings;
    publish(DocumentField::Settings | DocumentField::Run, 0, -1);
    advanceTo(length);
}

void Document::setInterventions(folkrnn::InterventionSet set) { applyInterventions(std::move(set), -1); }

void Document::changeInterventions(const folkrnn::InterventionSet &set, const QString &text, int mergeKey)
{
    requireModel();
    if (set == interventions_)
        return;
    if (!rerunning())
        finishJob();
    set.validate(model_->numLayers(), model_->hiddenSize());
    const int length = rerunning() ? job_->target() : generator_->run().steps();
    undo_.push(new InterventionCommand(this, interventions_, length, set, -1, text, mergeKey));
}

void Document::applyInterventions(folkrnn::InterventionSet set, int length)
{
    requireModel();
    set.validate(model_->numLayers(), model_->hiddenSize());
    // Where the run is headed: a re-run in flight keeps its destination; a finished run is
    // re-run to its (new) end; otherwise to the length it has.
    int target = length;
    if (target < 0)
        target = rerunning() ? job_->target() : generator_->finished() ? stepLimit() : generator_->run().steps();
    int drawnFirst = INT_MAX; // what the views drew, when a superseded re-run left them behind
    if (rerunning()) {
        drawnFirst = rerunFirstChanged_;
        abandonRerun();
    } else {
        finishJob();
    }
    if (interventions_.items.empty() && !set.items.empty())
        baseline_.adopt(*generator_);
    interventions_ = set;
    const int kept = std::min(set.firstDifferingStep(generator_->simulator().interventions()), generator_->run().steps());
    if (drawnFirst == INT_MAX && target - kept > kForegroundSteps)
        run_ = std::make_shared<const folkrnn::Run>(generator_->run()); // what the views keep drawing meanwhile
    const int from = generator_->replaceInterventions(std::move(set));
    if (generator_->run().steps() > target)
        generator_->simulator().truncateTo(target, &generator_->sampler());
    const int steps = generator_->run().steps();
    const int firstChanged = std::min({drawnFirst, from, steps});
    if (!generator_->finished() && target - steps > kForegroundSteps) {
        startRerun(target, firstChanged);
        return;
    }
    while (!generator_->finished() && generator_->run().steps() < target)
        generator_->stepForward();
    publish(DocumentField::Run, firstChanged, -1);
}

std::shared_ptr<const folkrnn::Run> Document::baselineRun() const
{
    // A background run leaves the baseline behind; a re-run does not move it.
    return interventions_.items.empty() || (busy() && !rerunning()) ? run_ : baseline_.run();
}

void Document::adoptGenerator(std::shared_ptr<const folkrnn::Model> model, const QString &modelPath,
                              std::shared_ptr<folkrnn::Generator> generator)
{
    finishJob();
    model_ = std::move(model);
    modelPath_ = modelPath;
    generator_ = std::move(generator);
    settings_ = generator_->settings();
    interventions_ = generator_->simulator().interventions();
    baseline_.reset(model_, settings_);
    undo_.clear();
    const int last = std::max(0, generator_->run().steps() - 1);
    publish(DocumentField::Model | DocumentField::Settings | DocumentField::Run, 0, last);
}

void Document::showStoredRun(std::shared_ptr<const folkrnn::Run> run, const folkrnn::GenerationSettings &settings,
                             const folkrnn::InterventionSet &interventions)
{
    finishJob();
    model_.reset();
    generator_.reset();
    run_ = std::move(run);
    settings_ = settings;
    interventions_ = interventions;
    baseline_.clear(); // the stored run is all there is
    undo_.clear();
    publish(DocumentField::Model | DocumentField::Settings | DocumentField::Run, 0, -1);
}

folkrnn::Session Document::captureSession(const std::string &fingerprint)
{
    requireModel();
    finishJob();
    return folkrnn::captureSession(*generator_, modelPath_.toStdString(), fingerprint);
}

bool Document::canStepForward() const { return generator_ && !job_ && !generator_->finished(); }

bool Document::canStepBack() const { return generator_ && !job_ && generator_->run().steps() > 0; }

void Document::stepForward()
{
    finishJob();
    if (!canStepForward())
        return;
    generator_->stepForward();
    const int last = generator_->run().steps() - 1;
    publish(DocumentField::Run, last, last);
}

void Document::stepBack()
{
    finishJob();
    if (!canStepBack())
        return;
    generator_->stepBack();
    const int steps = generator_->run().steps();
    publish(DocumentField::Run, steps, std::min(selection_.step(), steps - 1));
}

void Document::runToEnd() { advanceTo(INT_MAX); }

void Document::advanceTo(int steps)
{
    finishJob();
    if (!generator_ || generator_->finished() || generator_->run().steps() >= steps)
        return;
    const int from = generator_->run().steps();
    const int target = std::min(steps, stepLimit());
    if (target - from > kForegroundSteps) {
        startJob(target);
        return;
    }
    while (!generator_->finished() && generator_->run().steps() < target)
        generator_->stepForward();
    publish(DocumentField::Run, from, generator_->run().steps() - 1);
}

void Document::reset()
{
    finishJob();
    if (!generator_)
        return;
    generator_->restartTune();
    baseline_.restartTune();
    publish(DocumentField::Run, 0, 0);
}

void Document::cancel()
{
    if (job_)
        job_->cancel();
}

int Document::jobDone() const { return job_ ? job_->done() : 0; }

int Document::jobTarget() const { return job_ ? job_->target() : 0; }

int Document::stepLimit() const
{
    return generator_->settings().teacherForced() ? static_cast<int>(generator_->settings().forcedTune.size())
                                                  : generator_->settings().maxLength;
}

void Document::startRerun(int target, int firstChanged)
{
    // run_ is already a copy the worker does not touch (made before the first re-run began), and
    // the views learn of the change only when the re-run is done.
    rerunFirstChanged_ = firstChanged;
    launchJob(target, true, DocumentField::Busy);
}

void Document::abandonRerun()
{
    job_->cancel();
    job_->wait();
    job_->deleteLater();
    job_ = nullptr;
    jobIsRerun_ = false;
    progressTimer_.stop();
}

void Document::startJob(int target)
{
    // The views keep a copy; the generator is the worker's until onJobFinished().
    run_ = std::make_shared<const folkrnn::Run>(generator_->run());
    launchJob(target, false, DocumentField::Run | DocumentField::Busy);
}

void Document::launchJob(int target, bool rerun, DocumentFields announce)
{
    jobIsRerun_ = rerun;
    job_ = new RunJob(generator_, target, rerun, this);
    const int id = ++jobId_;
    connect(job_, &RunJob::finished, this, [this, id] { onJobFinished(id); });
    emit changed({announce, run_->steps()});
    emit progress(job_->done(), target);
    job_->start();
    progressTimer_.start();
}

void Document::finishJob()
{
    if (!job_)
        return;
    // A re-run completes: stopping it would leave a run shorter than the one the user had.
    if (!jobIsRerun_)
        job_->cancel();
    job_->wait();
    onJobFinished(jobId_);
}

void Document::onJobFinished(int jobId)
{
    if (!job_ || jobId != jobId_)
        return; // a job already finished synchronously by finishJob()
    job_->wait();
    const QString error = job_->error();
    const int from = run_ ? run_->steps() : 0;
    job_->deleteLater();
    job_ = nullptr;
    progressTimer_.stop();
    const int steps = generator_->run().steps();
    if (jobIsRerun_) {
        // The selection stays where it was: the user changed a clamp, not the position.
        jobIsRerun_ = false;
        publish(DocumentField::Run | DocumentField::Busy, std::min(rerunFirstChanged_, steps), -1);
    } else {
        publish(DocumentField::Run | DocumentField::Busy, std::min(from, steps), steps - 1);
    }
    if (!error.isEmpty())
        emit runFailed(error);
}

void Document::publish(DocumentFields what, int firstStep, int selectStep)
{
    if (generator_)
        run_ = std::shared_ptr<const folkrnn::Run>(generator_, &generator_->run());
    if (generator_ && !interventions_.items.empty())
        baseline_.follow(generator_->run().steps(), generator_->finished());
    emit changed({what, firstStep});
    const int steps = run_ ? run_->steps() : 0;
    widgets::SelectionState s = selection_.state();
    s.step = std::clamp(selectStep < 0 ? s.step : selectStep, 0, std::max(0, steps - 1));
    if (!s.stepRange.isAll() && s.stepRange.last >= steps)
        s.stepRange = {};
    selection_.setState(s);
}

} // namespace folkrnn::gui

#pragma once
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace folkrnn { class Generator; }

namespace folkrnn::gui {

// Steps a Generator towards a target length on a worker thread. While it runs the generator is
// the worker's alone: the Document shows the views a copy of the run and touches the generator
// again only after finished(). Cancelling stops after the current step.
class RunJob : public QObject {
    Q_OBJECT
public:
    // `layerwise`: a teacher-forced re-run, whose steps the views show only when it is done, runs
    // layer by layer (Generator::runForcedLayerwise) instead of step by step.
    RunJob(std::shared_ptr<folkrnn::Generator> generator, int targetSteps, bool layerwise = false,
           QObject *parent = nullptr);
    ~RunJob() override;

    void start();
    void cancel() { cancel_ = true; }
    // Blocks until the worker has stopped (after cancel(), at most one step).
    void wait();
    int done() const { return done_; }
    int target() const { return target_; }
    // Why the worker stopped early (an exception), or empty.
    QString error() const { return error_; }

signals:
    // Queued to the job's thread; `completed` is false when cancelled or failed.
    void finished(bool completed);

private:
    void work();

    std::shared_ptr<folkrnn::Generator> generator_;
    int target_;
    QThread *thread_ = nullptr;
    bool layerwise_ = false;
    std::atomic<bool> cancel_{false};
    std::atomic<int> done_{0};
    bool completed_ = false;
    QString error_;
};

} // namespace folkrnn::gui

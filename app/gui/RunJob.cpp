#include "RunJob.h"

#include "core/sim/Generator.h"

#include <QThread>

#include <exception>

namespace folkrnn::gui {

RunJob::RunJob(std::shared_ptr<folkrnn::Generator> generator, int targetSteps, bool layerwise, QObject *parent)
    : QObject(parent), generator_(std::move(generator)), target_(targetSteps), layerwise_(layerwise)
{
    done_ = generator_->run().steps();
}

RunJob::~RunJob()
{
    cancel();
    wait();
    delete thread_;
}

void RunJob::start()
{
    thread_ = QThread::create([this] { work(); });
    thread_->setObjectName(QStringLiteral("folkrnn-run"));
    connect(thread_, &QThread::finished, this, [this] { emit finished(completed_); });
    thread_->start(QThread::LowPriority);
}

void RunJob::wait()
{
    if (thread_)
        thread_->wait();
}

void RunJob::work()
{
    try {
        folkrnn::Generator &g = *generator_;
        if (layerwise_ && g.runForcedLayerwise(target_, cancel_))
            done_ = g.run().steps();
        while (!cancel_ && !g.finished() && g.run().steps() < target_) {
            g.stepForward();
            done_ = g.run().steps();
        }
        completed_ = !cancel_;
    } catch (const std::exception &e) {
        error_ = QString::fromLocal8Bit(e.what());
        completed_ = false;
    }
}

} // namespace folkrnn::gui

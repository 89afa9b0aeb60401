#include "BaselineRun.h"

namespace folkrnn::gui {

void BaselineRun::reset(std::shared_ptr<const folkrnn::Model> model, const folkrnn::GenerationSettings &settings)
{
    generator_ = std::make_shared<folkrnn::Generator>(std::move(model), settings);
}

void BaselineRun::clear() { generator_.reset(); }

void BaselineRun::adopt(const folkrnn::Generator &untouched)
{
    generator_ = std::make_shared<folkrnn::Generator>(untouched);
}

void BaselineRun::follow(int length, bool toEnd)
{
    if (!generator_)
        return;
    if (toEnd) {
        generator_->runToEnd();
        return;
    }
    if (generator_->run().steps() > length)
        generator_->simulator().truncateTo(length, &generator_->sampler());
    while (!generator_->finished() && generator_->run().steps() < length)
        generator_->stepForward();
}

void BaselineRun::restartTune()
{
    if (generator_)
        generator_->restartTune();
}

std::shared_ptr<const folkrnn::Run> BaselineRun::run() const
{
    if (!generator_)
        return nullptr;
    return std::shared_ptr<const folkrnn::Run>(generator_, &generator_->run());
}

} // namespace folkrnn::gui

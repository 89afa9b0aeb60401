#pragma once
#include "core/sim/Generator.h"

#include <memory>

namespace folkrnn::gui {

// The untouched run next to the intervened one: a second Generator with the same settings and
// no interventions, stepped to follow the intervened run's length (to its own end once the
// intervened run has ended), so that the comparison shows two whole tunes. It lives on the UI
// thread; interventions never reach it, so moving a clamp slider never re-runs it.
class BaselineRun {
public:
    // A new baseline for these settings (nothing is computed until follow()).
    void reset(std::shared_ptr<const folkrnn::Model> model, const folkrnn::GenerationSettings &settings);
    void clear();
    // The untouched generator itself as the baseline (a copy: run, states and RNG position), for
    // the moment the first intervention arrives: re-generating the same steps would cost as
    // long as the run took.
    void adopt(const folkrnn::Generator &untouched);
    // Brings the baseline to `length` steps, or to its end when `toEnd`.
    void follow(int length, bool toEnd);
    // Back to step 0 with the RNG where the tune started (the Document's Reset).
    void restartTune();
    std::shared_ptr<const folkrnn::Run> run() const;

private:
    std::shared_ptr<folkrnn::Generator> generator_;
};

} // namespace folkrnn::gui

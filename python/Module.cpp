#include "Bindings.h"

// folkrnn: the engine of folk-rnn Inspector from Python. Each topic binds itself (Model*.cpp,
// Run*.cpp, ...); the order matters only where a signature names a class bound elsewhere.
PYBIND11_MODULE(_folkrnn, m)
{
    using namespace folkrnn::python;
    m.doc() = "folk-rnn Inspector's engine: open folk-rnn LSTM models, generate tunes exactly as the original "
              "sampler does (with unit interventions), trace tunes, step, analyse and save sessions. "
              "Layers count from 1, units, steps and token ids from 0.";
    m.attr("__version__") = FOLKRNN_VERSION;
    // Classes and signatures say folkrnn.Model, not folkrnn._folkrnn.Model: the package re-exports
    // everything, and users (help(), repr, the stubs) know it by that name.
    m.attr("__name__") = "folkrnn";
    bindErrors(m);
    bindModel(m);
    bindRun(m);
    bindInterventions(m);
    bindGenerator(m);
    bindGenerate(m);
    bindAnalyses(m);
    bindCompare(m);
    bindSession(m);
    m.attr("__name__") = "folkrnn._folkrnn";
}

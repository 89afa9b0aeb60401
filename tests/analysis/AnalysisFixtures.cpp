#include "AnalysisFixtures.h"

#include "common/TestSupport.h"

namespace folkrnn::test {

QString runNumpyAnalyses(const QStringList &args)
{
    auto r = runPython("numpy_analyses.py", args);
    return r.exitCode == 0 ? QString() : QString::fromLocal8Bit(r.err);
}

} // namespace folkrnn::test

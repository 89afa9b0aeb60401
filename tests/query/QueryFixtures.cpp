#include "QueryFixtures.h"

#include "common/TestSupport.h"

namespace folkrnn::querytest {

QString runNumpyQuery(const QStringList &args)
{
    const auto r = test::runPython("numpy_query.py", args);
    return r.exitCode == 0 ? QString() : QString::fromLocal8Bit(r.err);
}

QString samplesFile(const QString &name) { return test::sharedDir() + "/data/folk-rnn-samples/" + name; }

} // namespace folkrnn::querytest

#include "common/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace folkrnn::test {

QString python() { return QStringLiteral(FOLKRNN_TEST_PYTHON); }
QString sharedDir()
{
    const QByteArray env = qgetenv("FOLKRNN_SHARED");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(FOLKRNN_TEST_SHARED) : QString::fromLocal8Bit(env));
}
QString testsDir() { return QStringLiteral(FOLKRNN_TEST_SOURCE); }
QString referenceScript(const QString &name) { return testsDir() + QStringLiteral("/reference/") + name; }
QString binary(const QString &name) { return QStringLiteral(FOLKRNN_TEST_BIN "/") + name; }

bool pythonHasModules(const QStringList &modules)
{
    QStringList code;
    for (const QString &m : modules)
        code << QStringLiteral("import ") + m;
    return runProcess(python(), {QStringLiteral("-c"), code.join(QLatin1Char(';'))}, 120000).exitCode == 0;
}

ProcessResult runProcess(const QString &program, const QStringList &args, int timeoutMs, const QByteArray &input)
{
    QProcess p;
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(30000)) {
        r.err = "could not start " + program.toLocal8Bit();
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out: " + program.toLocal8Bit();
        r.crashed = true;
        return r;
    }
    r.exitCode = p.exitCode();
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

ProcessResult runPython(const QString &script, const QStringList &args, int timeoutMs)
{
    QStringList full = args;
    full.prepend(referenceScript(script));
    return runProcess(python(), full, timeoutMs);
}

} // namespace folkrnn::test

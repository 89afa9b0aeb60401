#pragma once
#include <QByteArray>
#include <QString>
#include <QStringList>

// Paths and helpers every test uses: the numpy reference scripts, the shared data, the built
// programs. Tests that need Debian's numpy skip (QSKIP) only when it is truly absent, and say so.
namespace folkrnn::test {

QString python();           // /usr/bin/python3 (Debian's, with numpy/h5py)
QString sharedDir();        // ../shared beside the checkout
QString testsDir();         // the source tests/ folder
QString referenceScript(const QString &name); // tests/reference/<name>
QString binary(const QString &name);          // build/bin/<name>
bool pythonHasModules(const QStringList &modules);

struct ProcessResult {
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};
// Runs a program to completion (timeout in ms); stdin closed.
ProcessResult runProcess(const QString &program, const QStringList &args, int timeoutMs = 600000,
                         const QByteArray &input = {});
ProcessResult runPython(const QString &script, const QStringList &args, int timeoutMs = 600000);

} // namespace folkrnn::test

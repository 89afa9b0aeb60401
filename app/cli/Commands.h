#pragma once
#include <QStringList>

// One function per folkrnn-cli command; each returns the process exit status and throws
// UsageError or InputError for bad input (exit 2).
namespace folkrnn::cli {

int runInfo(const QStringList &args);
int runGenerate(const QStringList &args);
int runTrace(const QStringList &args);
int runTokenize(const QStringList &args);
int runDetokenize(const QStringList &args);
int runImport(const QStringList &args);
int runReplay(const QStringList &args);
int runRender(const QStringList &args);
int runQuery(const QStringList &args);
int runExportFigures(const QStringList &args);

} // namespace folkrnn::cli

#pragma once
#include "common/ReferenceData.h"

#include <QString>
#include <QStringList>

// Shared by the analysis tests: the numpy reference (tests/reference/numpy_analyses.py); models,
// traces and reading its output back come from common/ReferenceData.h.
namespace folkrnn::test {

// tests/reference/numpy_analyses.py with `args`; empty string on success, else stderr.
QString runNumpyAnalyses(const QStringList &args);

} // namespace folkrnn::test

#pragma once
#include "common/ReferenceData.h"

#include <QString>
#include <QStringList>

// Shared by the query tests: the numpy reference (tests/reference/numpy_query.py) and the folk-rnn
// samples; models, traces and reading the reference's HDF5 output back come from common/ReferenceData.h.
namespace folkrnn::querytest {

using test::makeRandomModel;
using test::maxAbsDiff;
using test::refArray;
using test::refInts;
using test::runCli;

// numpy_query.py with `args`; empty string on success, else stderr.
QString runNumpyQuery(const QStringList &args);

// The path of a folk-rnn samples file in ../shared/data/folk-rnn-samples/.
QString samplesFile(const QString &name);

} // namespace folkrnn::querytest

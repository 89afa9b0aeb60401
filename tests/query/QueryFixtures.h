#pragma once
#include "core/sim/Run.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

// Shared by the query tests: a random model and traces made by the project's own tools, the numpy
// reference (tests/reference/numpy_query.py) run on them, and its HDF5 output read back.
namespace folkrnn::querytest {

// tests/reference/make_random_model.py (v2-like vocabulary, which holds every token of the
// folk-rnn samples); empty string on success, else the error text.
QString makeRandomModel(const QString &out, int layers, int hidden, int seed);
// folkrnn-cli with `args`; empty string on success (exit 0), else stderr and stdout.
QString runCli(const QStringList &args);
// numpy_query.py with `args`; empty string on success, else stderr.
QString runNumpyQuery(const QStringList &args);

// A dataset of an HDF5 file as a row-major double matrix ([n] becomes [n, 1], a scalar [1, 1]).
RowMatrixXd refArray(const QString &file, const std::string &path);
std::vector<int> refInts(const QString &file, const std::string &path);

// Largest |a - b| where both are finite; +inf when shapes or NaN patterns differ.
double maxAbsDiff(const Eigen::Ref<const RowMatrixXd> &a, const Eigen::Ref<const RowMatrixXd> &b);

// The path of a folk-rnn samples file in ../shared/data/folk-rnn-samples/.
QString samplesFile(const QString &name);

} // namespace folkrnn::querytest

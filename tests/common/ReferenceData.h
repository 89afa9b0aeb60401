#pragma once
#include "core/sim/Run.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

// What the numeric tests share: random models and traces made by the project's own tools, and
// the numpy references' HDF5 output read back as double arrays to compare with ours.
namespace folkrnn::test {

// tests/reference/make_random_model.py OUT --layers L --hidden H --seed S; empty string on success,
// else the error text.
QString makeRandomModel(const QString &out, int layers, int hidden, int seed);
// folkrnn-cli with `args`; empty string on success (exit 0), else stderr, stdout and the exit code.
QString runCli(const QStringList &args);

// A dataset of a reference file as a row-major double matrix ([n] arrays become [n, 1], a scalar [1, 1]).
RowMatrixXd refArray(const QString &file, const std::string &path);
std::vector<int> refInts(const QString &file, const std::string &path);
bool refExists(const QString &file, const std::string &path);
long long refIntAttribute(const QString &file, const std::string &path, const std::string &name);

// Largest |a - b| over entries where both are finite; equal NaN/inf patterns are required
// (returns +inf when they differ). Shapes must match (returns +inf otherwise).
double maxAbsDiff(const Eigen::Ref<const RowMatrixXd> &a, const Eigen::Ref<const RowMatrixXd> &b);

} // namespace folkrnn::test

#include "ReferenceData.h"

#include "TestSupport.h"
#include "core/hdf5/Hdf5Util.h"

#include <H5Cpp.h>

#include <cmath>
#include <limits>

namespace folkrnn::test {

QString makeRandomModel(const QString &out, int layers, int hidden, int seed)
{
    auto r = runPython("make_random_model.py", {out, "--layers", QString::number(layers), "--hidden",
                                                 QString::number(hidden), "--seed", QString::number(seed)});
    return r.exitCode == 0 ? QString() : QString::fromLocal8Bit(r.err);
}

QString runCli(const QStringList &args)
{
    auto r = runProcess(binary("folkrnn-cli"), args, 600000);
    return r.exitCode == 0 && !r.crashed ? QString()
                                         : QString::fromLocal8Bit(r.err + r.out) + " (exit " + QString::number(r.exitCode) + ")";
}

RowMatrixXd refArray(const QString &file, const std::string &path)
{
    H5::H5File f(file.toStdString(), H5F_ACC_RDONLY);
    std::vector<hsize_t> dims;
    std::vector<double> data = h5::readDoubleArray(f, path, dims);
    const Eigen::Index rows = dims.empty() ? 1 : static_cast<Eigen::Index>(dims[0]);
    const Eigen::Index cols = dims.size() == 2 ? static_cast<Eigen::Index>(dims[1]) : 1;
    return Eigen::Map<RowMatrixXd>(data.data(), rows, cols);
}

std::vector<int> refInts(const QString &file, const std::string &path)
{
    H5::H5File f(file.toStdString(), H5F_ACC_RDONLY);
    return h5::readInts(f, path);
}

bool refExists(const QString &file, const std::string &path)
{
    H5::H5File f(file.toStdString(), H5F_ACC_RDONLY);
    return h5::exists(f, path);
}

long long refIntAttribute(const QString &file, const std::string &path, const std::string &name)
{
    H5::H5File f(file.toStdString(), H5F_ACC_RDONLY);
    if (path == "/")
        return h5::readIntAttribute(f, name, -1);
    if (f.childObjType(path) == H5O_TYPE_GROUP)
        return h5::readIntAttribute(f.openGroup(path), name, -1);
    return h5::readIntAttribute(f.openDataSet(path), name, -1);
}

double maxAbsDiff(const Eigen::Ref<const RowMatrixXd> &a, const Eigen::Ref<const RowMatrixXd> &b)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return inf;
    double worst = 0;
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index j = 0; j < a.cols(); ++j) {
            const double x = a(i, j), y = b(i, j);
            if (std::isnan(x) || std::isnan(y)) {
                if (std::isnan(x) != std::isnan(y))
                    return inf;
                continue;
            }
            if (std::isinf(x) || std::isinf(y)) {
                if (x != y)
                    return inf;
                continue;
            }
            worst = std::max(worst, std::abs(x - y));
        }
    return worst;
}

} // namespace folkrnn::test

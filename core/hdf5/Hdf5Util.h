#pragma once
#include <Eigen/Core>
#include <H5Cpp.h>

#include <stdexcept>
#include <string>
#include <vector>

// Small typed wrappers over the HDF5 C++ API shared by the model, trace and session files.
// Readers check rank and size before allocating; errors are exceptions the callers turn into
// InputError with the file name.
namespace folkrnn::h5 {

struct MissingObject : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct BadObject : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Largest array a reader accepts (values), so a forged header cannot make us allocate without bound.
inline constexpr hsize_t kMaxValues = hsize_t(1) << 28;

void silenceErrors();
std::string describe(const H5::Exception &e);
void requireReadableFile(const std::string &path); // throws InputError: missing, directory, empty
bool exists(const H5::Group &where, const std::string &path);

Eigen::MatrixXf readMatrix(const H5::Group &where, const std::string &path);
Eigen::VectorXf readVector(const H5::Group &where, const std::string &path);
std::vector<double> readDoubles(const H5::Group &where, const std::string &path);
std::vector<int> readInts(const H5::Group &where, const std::string &path);
std::vector<std::string> readStrings(const H5::Group &where, const std::string &path);
// Row-major [rows, cols] data of any float type, converted to double.
std::vector<double> readDoubleArray(const H5::Group &where, const std::string &path,
                                    std::vector<hsize_t> &dims);

std::string readStringAttribute(const H5::H5Object &obj, const std::string &name, const std::string &fallback);
long long readIntAttribute(const H5::H5Object &obj, const std::string &name, long long fallback);
double readDoubleAttribute(const H5::H5Object &obj, const std::string &name, double fallback);

void writeMatrix(H5::Group &where, const std::string &path, const Eigen::MatrixXf &m);
void writeVector(H5::Group &where, const std::string &path, const Eigen::VectorXf &v);
void writeDoubles(H5::Group &where, const std::string &path, const std::vector<double> &v);
void writeInts(H5::Group &where, const std::string &path, const std::vector<int> &v);
void writeStrings(H5::Group &where, const std::string &path, const std::vector<std::string> &v);
// Compressed (deflate) row-major arrays for traces.
void writeFloatArray(H5::Group &where, const std::string &path, const float *data,
                     const std::vector<hsize_t> &dims, bool compress);
void writeDoubleArray(H5::Group &where, const std::string &path, const double *data,
                      const std::vector<hsize_t> &dims, bool compress);

void writeStringAttribute(H5::H5Object &obj, const std::string &name, const std::string &value);
void writeIntAttribute(H5::H5Object &obj, const std::string &name, long long value);
void writeDoubleAttribute(H5::H5Object &obj, const std::string &name, double value);

} // namespace folkrnn::h5

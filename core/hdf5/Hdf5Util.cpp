#include "core/hdf5/Hdf5Util.h"

#include "core/util/Error.h"

#include <filesystem>
#include <memory>

namespace folkrnn::h5 {

void silenceErrors() { H5::Exception::dontPrint(); }

std::string describe(const H5::Exception &e)
{
    std::string s = e.getFuncName();
    const std::string detail = e.getDetailMsg();
    if (!detail.empty())
        s += (s.empty() ? "" : ": ") + detail;
    return s.empty() ? "HDF5 error" : s;
}

void requireReadableFile(const std::string &path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw InputError(path, "no such file");
    if (fs::is_directory(path, ec))
        throw InputError(path, "is a directory, not a file");
    if (fs::file_size(path, ec) == 0 || ec)
        throw InputError(path, ec ? "cannot be read: " + ec.message() : "is empty");
}

bool exists(const H5::Group &where, const std::string &path)
{
    // Check each prefix: H5Lexists fails on a path whose parent is missing.
    std::string prefix;
    std::size_t pos = 0;
    while (pos < path.size()) {
        std::size_t next = path.find('/', pos + 1);
        if (next == std::string::npos)
            next = path.size();
        prefix = path.substr(0, next);
        if (!prefix.empty() && prefix != "/" && !where.nameExists(prefix))
            return false;
        pos = next;
    }
    return true;
}

namespace {

H5::DataSet openDataSet(const H5::Group &where, const std::string &path)
{
    if (!exists(where, path))
        throw MissingObject("dataset " + path);
    return where.openDataSet(path);
}

std::vector<hsize_t> dimsOf(const H5::DataSet &ds, const std::string &path, int minRank, int maxRank)
{
    H5::DataSpace space = ds.getSpace();
    const int rank = space.getSimpleExtentNdims();
    if (rank < minRank || rank > maxRank)
        throw BadObject(path + " has " + std::to_string(rank) + " dimensions, expected " +
                        std::to_string(minRank) + (minRank == maxRank ? "" : " to " + std::to_string(maxRank)));
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    space.getSimpleExtentDims(dims.data());
    hsize_t n = 1;
    for (hsize_t d : dims) {
        if (d != 0 && n > kMaxValues / d)
            throw BadObject(path + " is too large");
        n *= d;
    }
    if (n > kMaxValues)
        throw BadObject(path + " is too large");
    return dims;
}

void requireFloat(const H5::DataSet &ds, const std::string &path)
{
    if (ds.getTypeClass() != H5T_FLOAT)
        throw BadObject(path + " is not a floating-point array");
}

} // namespace

std::vector<double> readDoubleArray(const H5::Group &where, const std::string &path, std::vector<hsize_t> &dims)
{
    H5::DataSet ds = openDataSet(where, path);
    requireFloat(ds, path);
    dims = dimsOf(ds, path, 0, 2);
    hsize_t n = 1;
    for (hsize_t d : dims)
        n *= d;
    std::vector<double> data(n);
    if (n)
        ds.read(data.data(), H5::PredType::NATIVE_DOUBLE);
    return data;
}

Eigen::MatrixXf readMatrix(const H5::Group &where, const std::string &path)
{
    H5::DataSet ds = openDataSet(where, path);
    requireFloat(ds, path);
    const auto dims = dimsOf(ds, path, 2, 2);
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    RowMajor m(static_cast<Eigen::Index>(dims[0]), static_cast<Eigen::Index>(dims[1]));
    if (m.size())
        ds.read(m.data(), H5::PredType::NATIVE_FLOAT);
    return m;
}

Eigen::VectorXf readVector(const H5::Group &where, const std::string &path)
{
    H5::DataSet ds = openDataSet(where, path);
    requireFloat(ds, path);
    auto dims = dimsOf(ds, path, 1, 2);
    // folk-rnn stores hid_init/cell_init as [1, H]: accept a single row or column as a vector.
    if (dims.size() == 2 && dims[0] != 1 && dims[1] != 1)
        throw BadObject(path + " is a matrix, expected a vector");
    const hsize_t n = dims.size() == 1 ? dims[0] : dims[0] * dims[1];
    Eigen::VectorXf v(static_cast<Eigen::Index>(n));
    if (n)
        ds.read(v.data(), H5::PredType::NATIVE_FLOAT);
    return v;
}

std::vector<double> readDoubles(const H5::Group &where, const std::string &path)
{
    H5::DataSet ds = openDataSet(where, path);
    requireFloat(ds, path);
    const auto dims = dimsOf(ds, path, 1, 1);
    std::vector<double> v(dims[0]);
    if (!v.empty())
        ds.read(v.data(), H5::PredType::NATIVE_DOUBLE);
    return v;
}

std::vector<int> readInts(const H5::Group &where, const std::string &path)
{
    H5::DataSet ds = openDataSet(where, path);
    if (ds.getTypeClass() != H5T_INTEGER)
        throw BadObject(path + " is not an integer array");
    const auto dims = dimsOf(ds, path, 1, 1);
    std::vector<int> v(dims[0]);
    if (!v.empty())
        ds.read(v.data(), H5::PredType::NATIVE_INT);
    return v;
}

std::vector<std::string> readStrings(const H5::Group &where, const std::string &path)
{
    H5::DataSet ds = openDataSet(where, path);
    if (ds.getTypeClass() != H5T_STRING)
        throw BadObject(path + " is not an array of strings");
    const auto dims = dimsOf(ds, path, 1, 1);
    H5::StrType fileType = ds.getStrType();
    std::vector<std::string> out;
    out.reserve(dims[0]);
    if (fileType.isVariableStr()) {
        H5::StrType memType(H5::PredType::C_S1, H5T_VARIABLE);
        memType.setCset(fileType.getCset());
        std::vector<char *> raw(dims[0], nullptr);
        if (!raw.empty())
            ds.read(raw.data(), memType);
        for (char *s : raw)
            out.emplace_back(s ? s : "");
        if (!raw.empty())
            H5::DataSet::vlenReclaim(raw.data(), memType, ds.getSpace());
    } else {
        const std::size_t width = fileType.getSize();
        if (width == 0 || width > 4096)
            throw BadObject(path + " has an unreasonable string width");
        std::vector<char> buf(width * dims[0]);
        if (!buf.empty())
            ds.read(buf.data(), fileType);
        for (hsize_t i = 0; i < dims[0]; ++i) {
            const char *s = buf.data() + i * width;
            std::size_t len = 0;
            while (len < width && s[len] != '\0')
                ++len;
            out.emplace_back(s, len);
        }
    }
    return out;
}

std::string readStringAttribute(const H5::H5Object &obj, const std::string &name, const std::string &fallback)
{
    if (!obj.attrExists(name))
        return fallback;
    H5::Attribute attr = obj.openAttribute(name);
    if (attr.getTypeClass() != H5T_STRING)
        throw BadObject("attribute " + name + " is not a string");
    H5::StrType type = attr.getStrType();
    std::string value;
    if (type.isVariableStr()) {
        attr.read(type, value);
    } else {
        const std::size_t width = type.getSize();
        if (width > (1u << 20))
            throw BadObject("attribute " + name + " is too long");
        std::vector<char> buf(width + 1, '\0');
        attr.read(type, buf.data());
        value.assign(buf.data());
    }
    return value;
}

long long readIntAttribute(const H5::H5Object &obj, const std::string &name, long long fallback)
{
    if (!obj.attrExists(name))
        return fallback;
    H5::Attribute attr = obj.openAttribute(name);
    if (attr.getTypeClass() != H5T_INTEGER || attr.getSpace().getSimpleExtentNpoints() != 1)
        throw BadObject("attribute " + name + " is not an integer");
    long long v = 0;
    attr.read(H5::PredType::NATIVE_LLONG, &v);
    return v;
}

double readDoubleAttribute(const H5::H5Object &obj, const std::string &name, double fallback)
{
    if (!obj.attrExists(name))
        return fallback;
    H5::Attribute attr = obj.openAttribute(name);
    const auto cls = attr.getTypeClass();
    if ((cls != H5T_FLOAT && cls != H5T_INTEGER) || attr.getSpace().getSimpleExtentNpoints() != 1)
        throw BadObject("attribute " + name + " is not a number");
    double v = 0;
    attr.read(H5::PredType::NATIVE_DOUBLE, &v);
    return v;
}

namespace {

void writeArray(H5::Group &where, const std::string &path, const void *data, const H5::PredType &memType,
                const H5::PredType &fileType, const std::vector<hsize_t> &dims, bool compress)
{
    H5::DataSpace space(static_cast<int>(dims.size()), dims.data());
    H5::DSetCreatPropList props;
    hsize_t n = 1;
    for (hsize_t d : dims)
        n *= d;
    if (compress && n > 0 && !dims.empty()) {
        std::vector<hsize_t> chunk(dims);
        // Chunk along the first (step) axis so a reader can take one step's rows cheaply.
        chunk[0] = std::min<hsize_t>(dims[0], std::max<hsize_t>(1, 65536 / std::max<hsize_t>(1, n / dims[0])));
        props.setChunk(static_cast<int>(chunk.size()), chunk.data());
        props.setShuffle();
        props.setDeflate(4);
    }
    H5::DataSet ds = where.createDataSet(path, fileType, space, props);
    if (n)
        ds.write(data, memType);
}

} // namespace

void writeMatrix(H5::Group &where, const std::string &path, const Eigen::MatrixXf &m)
{
    const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = m;
    writeArray(where, path, rm.data(), H5::PredType::NATIVE_FLOAT, H5::PredType::IEEE_F32LE,
               {static_cast<hsize_t>(m.rows()), static_cast<hsize_t>(m.cols())}, false);
}

void writeVector(H5::Group &where, const std::string &path, const Eigen::VectorXf &v)
{
    writeArray(where, path, v.data(), H5::PredType::NATIVE_FLOAT, H5::PredType::IEEE_F32LE,
               {static_cast<hsize_t>(v.size())}, false);
}

void writeDoubles(H5::Group &where, const std::string &path, const std::vector<double> &v)
{
    writeArray(where, path, v.data(), H5::PredType::NATIVE_DOUBLE, H5::PredType::IEEE_F64LE, {v.size()}, false);
}

void writeInts(H5::Group &where, const std::string &path, const std::vector<int> &v)
{
    writeArray(where, path, v.data(), H5::PredType::NATIVE_INT, H5::PredType::STD_I32LE, {v.size()}, false);
}

void writeFloatArray(H5::Group &where, const std::string &path, const float *data,
                     const std::vector<hsize_t> &dims, bool compress)
{
    writeArray(where, path, data, H5::PredType::NATIVE_FLOAT, H5::PredType::IEEE_F32LE, dims, compress);
}

void writeDoubleArray(H5::Group &where, const std::string &path, const double *data,
                      const std::vector<hsize_t> &dims, bool compress)
{
    writeArray(where, path, data, H5::PredType::NATIVE_DOUBLE, H5::PredType::IEEE_F64LE, dims, compress);
}

void writeStrings(H5::Group &where, const std::string &path, const std::vector<std::string> &v)
{
    H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
    type.setCset(H5T_CSET_UTF8);
    const hsize_t n = v.size();
    H5::DataSpace space(1, &n);
    H5::DataSet ds = where.createDataSet(path, type, space);
    std::vector<const char *> ptrs;
    ptrs.reserve(v.size());
    for (const auto &s : v)
        ptrs.push_back(s.c_str());
    if (n)
        ds.write(ptrs.data(), type);
}

void writeStringAttribute(H5::H5Object &obj, const std::string &name, const std::string &value)
{
    H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
    type.setCset(H5T_CSET_UTF8);
    H5::Attribute attr = obj.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
    attr.write(type, value);
}

void writeIntAttribute(H5::H5Object &obj, const std::string &name, long long value)
{
    H5::Attribute attr = obj.createAttribute(name, H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR));
    attr.write(H5::PredType::NATIVE_LLONG, &value);
}

void writeDoubleAttribute(H5::H5Object &obj, const std::string &name, double value)
{
    H5::Attribute attr = obj.createAttribute(name, H5::PredType::IEEE_F64LE, H5::DataSpace(H5S_SCALAR));
    attr.write(H5::PredType::NATIVE_DOUBLE, &value);
}

} // namespace folkrnn::h5

#include "core/session/SessionHdf5.h"

#include "core/hdf5/Hdf5Util.h"

#include <algorithm>

namespace folkrnn::sessionh5 {

using h5::BadObject;
using h5::MissingObject;

namespace {

H5::DataSet open(const H5::Group &where, const std::string &path)
{
    if (!h5::exists(where, path))
        throw MissingObject("dataset " + path);
    if (where.childObjType(path) != H5O_TYPE_DATASET)
        throw BadObject(path + " is not a dataset");
    return where.openDataSet(path);
}

std::vector<hsize_t> dimsOf(const H5::DataSet &ds, const std::string &path, int rank)
{
    H5::DataSpace space = ds.getSpace();
    if (space.getSimpleExtentType() != H5S_SIMPLE || space.getSimpleExtentNdims() != rank)
        throw BadObject(path + " does not have " + std::to_string(rank) + (rank == 1 ? " dimension" : " dimensions"));
    std::vector<hsize_t> d(static_cast<std::size_t>(rank));
    space.getSimpleExtentDims(d.data());
    hsize_t n = 1;
    for (hsize_t x : d) {
        if (x != 0 && n > h5::kMaxValues / x)
            throw BadObject(path + " is too large");
        n *= x;
    }
    return d;
}

// Refuses data the file cannot be holding before it is allocated: raw data kept outside the file
// (external or virtual datasets), filters this program never writes, or more bytes than the
// stored chunks could inflate to (zlib cannot compress beyond 1032:1).
void requireStored(const H5::DataSet &ds, const std::string &path, hsize_t bytes)
{
    H5::DSetCreatPropList plist = ds.getCreatePlist();
    const H5D_layout_t layout = plist.getLayout();
    if (layout != H5D_COMPACT && layout != H5D_CONTIGUOUS && layout != H5D_CHUNKED)
        throw BadObject(path + " has a storage layout this program does not read");
    if (plist.getExternalCount() != 0)
        throw BadObject(path + " keeps its data outside the file");
    bool deflated = false;
    for (int k = 0; k < plist.getNfilters(); ++k) {
        unsigned int flags = 0, config = 0;
        std::size_t count = 8;
        unsigned int values[8] = {};
        char name[64] = {};
        const H5Z_filter_t f = plist.getFilter(k, flags, count, values, sizeof name, name, config);
        if (f == H5Z_FILTER_DEFLATE)
            deflated = true;
        else if (f != H5Z_FILTER_SHUFFLE && f != H5Z_FILTER_FLETCHER32)
            throw BadObject(path + " uses an HDF5 filter this program does not write");
    }
    const hsize_t stored = ds.getStorageSize();
    const hsize_t slack = 65536; // compact data and unallocated small datasets
    if (bytes > (deflated ? stored * 1032 : stored) + slack)
        throw BadObject(path + " claims more data than the file holds");
}

template <typename T>
std::vector<T> readNumbers(const H5::DataSet &ds, const std::string &path, const std::vector<hsize_t> &d,
                           const H5::PredType &memType)
{
    hsize_t n = 1;
    for (hsize_t x : d)
        n *= x;
    requireStored(ds, path, n * sizeof(T));
    std::vector<T> v(static_cast<std::size_t>(n));
    if (n)
        ds.read(v.data(), memType);
    return v;
}

std::vector<hsize_t> checkedShape(const H5::DataSet &ds, const std::string &path, const std::vector<hsize_t> &shape)
{
    const auto d = dimsOf(ds, path, static_cast<int>(shape.size()));
    if (d != shape) {
        auto text = [](const std::vector<hsize_t> &v) {
            std::string s = "[";
            for (std::size_t k = 0; k < v.size(); ++k)
                s += (k ? ", " : "") + std::to_string(v[k]);
            return s + "]";
        };
        throw BadObject(path + " has shape " + text(d) + ", expected " + text(shape));
    }
    return d;
}

} // namespace

std::vector<hsize_t> dims(const H5::Group &where, const std::string &path, int rank)
{
    return dimsOf(open(where, path), path, rank);
}

std::vector<int> readInts(const H5::Group &where, const std::string &path, long long count, hsize_t maxCount)
{
    H5::DataSet ds = open(where, path);
    if (ds.getTypeClass() != H5T_INTEGER)
        throw BadObject(path + " is not an integer array");
    const auto d = dimsOf(ds, path, 1);
    if (count >= 0 && d[0] != static_cast<hsize_t>(count))
        throw BadObject(path + " has " + std::to_string(d[0]) + " values, expected " + std::to_string(count));
    if (d[0] > maxCount)
        throw BadObject(path + " has more than " + std::to_string(maxCount) + " values");
    return readNumbers<int>(ds, path, d, H5::PredType::NATIVE_INT);
}

std::vector<std::uint8_t> readBytes(const H5::Group &where, const std::string &path, hsize_t maxCount)
{
    H5::DataSet ds = open(where, path);
    if (ds.getTypeClass() != H5T_INTEGER || ds.getDataType().getSize() != 1)
        throw BadObject(path + " is not a byte array");
    const auto d = dimsOf(ds, path, 1);
    if (d[0] > maxCount)
        throw BadObject(path + " has more than " + std::to_string(maxCount) + " bytes");
    return readNumbers<std::uint8_t>(ds, path, d, H5::PredType::NATIVE_UINT8);
}

std::vector<float> readFloats(const H5::Group &where, const std::string &path, const std::vector<hsize_t> &shape)
{
    H5::DataSet ds = open(where, path);
    if (ds.getTypeClass() != H5T_FLOAT)
        throw BadObject(path + " is not a floating-point array");
    return readNumbers<float>(ds, path, checkedShape(ds, path, shape), H5::PredType::NATIVE_FLOAT);
}

std::vector<double> readDoubles(const H5::Group &where, const std::string &path, const std::vector<hsize_t> &shape)
{
    H5::DataSet ds = open(where, path);
    if (ds.getTypeClass() != H5T_FLOAT)
        throw BadObject(path + " is not a floating-point array");
    return readNumbers<double>(ds, path, checkedShape(ds, path, shape), H5::PredType::NATIVE_DOUBLE);
}

namespace {

std::string fromPadded(const char *p, std::size_t width)
{
    std::size_t len = 0;
    while (len < width && p[len] != '\0')
        ++len;
    return {p, len};
}

H5::StrType fixedText(std::size_t width)
{
    H5::StrType type(H5::PredType::C_S1, std::max<std::size_t>(width, 1));
    type.setStrpad(H5T_STR_NULLPAD);
    type.setCset(H5T_CSET_UTF8);
    return type;
}

} // namespace

std::vector<std::string> readStrings(const H5::Group &where, const std::string &path, long long count,
                                     hsize_t maxCount)
{
    H5::DataSet ds = open(where, path);
    if (ds.getTypeClass() != H5T_STRING || ds.getStrType().isVariableStr())
        throw BadObject(path + " is not an array of fixed-length strings");
    const auto d = dimsOf(ds, path, 1);
    if ((count >= 0 && d[0] != static_cast<hsize_t>(count)) || d[0] > maxCount)
        throw BadObject(path + " has " + std::to_string(d[0]) + " entries" +
                        (count >= 0 ? ", expected " + std::to_string(count) : ", too many"));
    const std::size_t width = ds.getStrType().getSize();
    if (width == 0 || width > 4096)
        throw BadObject(path + " has strings wider than 4096 bytes");
    requireStored(ds, path, d[0] * width);
    std::vector<char> buf(width * d[0]);
    if (!buf.empty())
        ds.read(buf.data(), ds.getStrType()); // as stored: no conversion
    std::vector<std::string> out;
    out.reserve(d[0]);
    for (hsize_t i = 0; i < d[0]; ++i)
        out.push_back(fromPadded(buf.data() + i * width, width));
    return out;
}

bool isVariableLengthText(const H5::H5Object &obj, const std::string &name)
{
    if (!obj.attrExists(name))
        return false;
    H5::Attribute attr = obj.openAttribute(name);
    return attr.getTypeClass() == H5T_STRING && attr.getStrType().isVariableStr();
}

std::string readAttributeText(const H5::H5Object &obj, const std::string &name, const std::string &fallback)
{
    if (!obj.attrExists(name))
        return fallback;
    H5::Attribute attr = obj.openAttribute(name);
    if (attr.getTypeClass() != H5T_STRING || attr.getStrType().isVariableStr() ||
        attr.getSpace().getSimpleExtentNpoints() != 1)
        throw BadObject("attribute " + name + " is not a fixed-length string");
    const std::size_t width = attr.getStrType().getSize();
    if (width == 0 || width > 65536)
        throw BadObject("attribute " + name + " is longer than 64 KiB");
    std::vector<char> buf(width);
    attr.read(attr.getStrType(), buf.data());
    return fromPadded(buf.data(), width);
}

void writeBytes(H5::Group &where, const std::string &path, const std::vector<std::uint8_t> &bytes)
{
    const hsize_t n = bytes.size();
    H5::DataSpace space(1, &n);
    H5::DataSet ds = where.createDataSet(path, H5::PredType::STD_U8LE, space);
    if (n)
        ds.write(bytes.data(), H5::PredType::NATIVE_UINT8);
}

void writeStrings(H5::Group &where, const std::string &path, const std::vector<std::string> &strings)
{
    std::size_t width = 1;
    for (const std::string &s : strings)
        width = std::max(width, s.size());
    std::vector<char> buf(width * strings.size(), '\0');
    for (std::size_t i = 0; i < strings.size(); ++i)
        std::copy(strings[i].begin(), strings[i].end(), buf.begin() + static_cast<std::ptrdiff_t>(i * width));
    const hsize_t n = strings.size();
    const H5::StrType type = fixedText(width);
    H5::DataSet ds = where.createDataSet(path, type, H5::DataSpace(1, &n));
    if (n)
        ds.write(buf.data(), type);
}

void writeTextAttribute(H5::H5Object &obj, const std::string &name, const std::string &value)
{
    const H5::StrType type = fixedText(value.size());
    std::vector<char> buf(std::max<std::size_t>(value.size(), 1), '\0');
    std::copy(value.begin(), value.end(), buf.begin());
    H5::Attribute attr = obj.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
    attr.write(type, buf.data());
}

namespace {

herr_t collect(unsigned, const H5E_error2_t *err, void *data)
{
    if (err && err->desc)
        static_cast<std::vector<std::string> *>(data)->emplace_back(err->desc);
    return 0;
}

// Called by HDF5 when an API call fails, with the error stack intact (it is cleared by the
// next call, so an exception handler would see nothing).
herr_t remember(hid_t stack, void *data)
{
    auto &reason = *static_cast<std::string *>(data);
    if (!reason.empty())
        return 0; // the first failure is the cause; later ones follow from it
    std::vector<std::string> descs;
    H5Ewalk2(stack, H5E_WALK_DOWNWARD, collect, &descs);
    for (const std::string &d : descs) {
        const std::string key = "error message = '";
        const auto at = d.find(key);
        if (at != std::string::npos) {
            const auto end = d.find('\'', at + key.size());
            reason = d.substr(at + key.size(), end == std::string::npos ? std::string::npos : end - at - key.size());
            return 0;
        }
    }
    reason = descs.empty() ? "HDF5 error" : descs.back();
    return 0;
}

} // namespace

ErrorCapture::ErrorCapture()
{
    H5Eget_auto2(H5E_DEFAULT, &oldFunc_, &oldData_);
    H5Eset_auto2(H5E_DEFAULT, remember, &reason_);
}

ErrorCapture::~ErrorCapture() { H5Eset_auto2(H5E_DEFAULT, oldFunc_, oldData_); }

std::string ErrorCapture::reason() const { return reason_; }

} // namespace folkrnn::sessionh5

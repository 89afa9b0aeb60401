#pragma once
#include <H5Cpp.h>

#include <cstdint>
#include <string>
#include <vector>

// HDF5 helpers only the session reader and writer need: shape checks that read no data, and
// readers that refuse an array before allocating it when its shape is not the one expected or
// when the file could not hold it (a decompression bomb). Errors are h5::MissingObject or
// h5::BadObject (core/hdf5/Hdf5Util.h), which the reader turns into InputError with the file name.
namespace folkrnn::sessionh5 {

// The dimensions of dataset `path`, which must exist and have `rank` dimensions.
std::vector<hsize_t> dims(const H5::Group &where, const std::string &path, int rank);

// Integer arrays: rank 1, at most `maxCount` values (or exactly `count` when count >= 0).
std::vector<int> readInts(const H5::Group &where, const std::string &path, long long count, hsize_t maxCount);
std::vector<std::uint8_t> readBytes(const H5::Group &where, const std::string &path, hsize_t maxCount);
// Float arrays of exactly the shape `shape` (any float type in the file, converted).
std::vector<float> readFloats(const H5::Group &where, const std::string &path, const std::vector<hsize_t> &shape);
std::vector<double> readDoubles(const H5::Group &where, const std::string &path, const std::vector<hsize_t> &shape);
// Strings are fixed-length (NUL-padded UTF-8) throughout a session file. Variable-length strings
// live in HDF5's global heap, whose reader crashes on damaged files (found by fuzz_session), so a
// reader refuses them before reading.
// A 1-D array of fixed-length strings of at most 4096 bytes each.
std::vector<std::string> readStrings(const H5::Group &where, const std::string &path, long long count,
                                     hsize_t maxCount);
// A fixed-length string attribute of at most 64 KiB; `fallback` when absent.
std::string readAttributeText(const H5::H5Object &obj, const std::string &name, const std::string &fallback);
// True when the attribute exists and is a variable-length string (never written by saveSession).
bool isVariableLengthText(const H5::H5Object &obj, const std::string &name);

void writeBytes(H5::Group &where, const std::string &path, const std::vector<std::uint8_t> &bytes);
void writeStrings(H5::Group &where, const std::string &path, const std::vector<std::string> &strings);
void writeTextAttribute(H5::H5Object &obj, const std::string &name, const std::string &value);

// While alive, remembers why the last failing HDF5 call failed, as the library's innermost
// message (for file I/O, the operating system's: "No space left on device"). HDF5's automatic
// error printing stays off. HDF5 is not thread-safe: one at a time, as every HDF5 use here.
class ErrorCapture {
public:
    ErrorCapture();
    ~ErrorCapture();
    ErrorCapture(const ErrorCapture &) = delete;
    ErrorCapture &operator=(const ErrorCapture &) = delete;
    std::string reason() const; // empty when nothing failed

private:
    H5E_auto2_t oldFunc_ = nullptr;
    void *oldData_ = nullptr;
    std::string reason_;
};

} // namespace folkrnn::sessionh5

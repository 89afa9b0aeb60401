#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The values a folk-rnn pickle can hold, as plain data. The reader (PickleReader.h) builds them;
// nothing here runs code: the only "objects" are numpy arrays, dtypes and the handful of callables
// listed in Callable, whose effect the reader reproduces itself (PickleCalls.cpp).
namespace folkrnn::pickle {

using ValueId = std::uint32_t;

enum class Kind : std::uint8_t { None, Bool, Int, Float, Bytes, Text, Tuple, List, Dict, Global, DType, Array };
const char *kindName(Kind k); // Python's name for it: "int", "bytes", "str", "numpy.ndarray"...

// The globals a folk-rnn model file may name. Any other GLOBAL / STACK_GLOBAL is refused as soon as
// it is read, before it could be called, stored or referenced.
enum class Callable : std::uint8_t {
    Reconstruct,  // numpy.core.multiarray._reconstruct (numpy 2: numpy._core.multiarray)
    NdArray,      // numpy.ndarray, only as _reconstruct's first argument
    DType,        // numpy.dtype
    Scalar,       // numpy.core.multiarray.scalar: numpy float/int scalars
    FromBuffer,   // numpy.core.numeric._frombuffer: arrays in protocol 5
    CodecsEncode, // _codecs.encode(text, 'latin1'): Python 3's protocol-2 byte strings
};
const char *callableName(Callable c);

// A numeric numpy dtype. Only plain numbers are representable: object, string, void and structured
// dtypes are refused when the dtype is made.
struct DType {
    char kind = 'f';         // 'f' float, 'i' signed int, 'u' unsigned int, 'b' bool
    std::uint8_t size = 4;   // bytes per element: f 4|8, i/u 1|2|4|8, b 1
    bool bigEndian = false;  // byte order of the data (from the dtype's BUILD state)
    std::string str() const;  // numpy's spelling, e.g. "<f4", ">f8", "|b1"
    std::string name() const; // numpy's name, e.g. "float32", "int64", "bool"
};

// The raw bits of one element of type `d` stored at `p` (size bytes, in d's byte order).
inline std::uint64_t loadBits(const char *p, const DType &d)
{
    std::uint64_t v = 0;
    for (int k = 0; k < d.size; ++k)
        v = (v << 8) | static_cast<unsigned char>(p[d.bigEndian ? k : d.size - 1 - k]);
    return v;
}

struct ArrayData {
    DType dtype;
    std::vector<std::int64_t> shape; // () for a 0-d array
    bool fortran = false;            // column-major element order
    std::int64_t elements = 0;       // product of shape, checked against data.size()
    std::string_view data;           // elements * dtype.size raw bytes, in the file's byte order
    bool filled = false;             // BUILD (or _frombuffer) has supplied shape, dtype and data
    std::string shapeText() const;   // numpy's "(3, 4)", "(5,)", "()"
};

struct Value {
    Kind kind = Kind::None;
    Callable callable{};          // Global
    std::uint16_t depth = 0;      // container nesting (Tuple/List/Dict), bounded by the reader
    bool dtypeBuilt = false;      // DType: its BUILD state has been applied
    std::int64_t integer = 0;     // Bool (0/1) and Int
    double real = 0.0;            // Float
    std::string_view bytes;       // Bytes: raw; Text: UTF-8
    std::vector<ValueId> items;   // Tuple, List; Dict as key0, value0, key1, value1... (later keys win)
    DType dtype;                  // DType
    std::unique_ptr<ArrayData> array; // Array
};

// The result of reading a pickle: every value it made, the root (what STOP returned), and the
// bytes the values point into. Not copyable or movable (values hold views into it): it lives in a
// unique_ptr.
class Document {
public:
    Document(std::string input, std::string source);
    Document(const Document &) = delete;
    Document &operator=(const Document &) = delete;

    const std::string &source() const { return source_; }
    std::string_view input() const { return input_; }
    ValueId root() const { return root_; }
    std::size_t size() const { return values_.size(); }
    const Value &at(ValueId id) const { return values_[id]; }

    // Dict lookup by text key (str or bytes); the last SETITEM of a key wins, as in Python.
    // nullptr when absent or when `dict` is not a Dict.
    const Value *find(ValueId dict, std::string_view key) const;
    std::optional<ValueId> findId(ValueId dict, std::string_view key) const;

    // Building (used by the reader). References returned by at()/mut() stay valid across add().
    ValueId add(Value v);
    Value &mut(ValueId id) { return values_[id]; }
    std::string_view keep(std::string bytes); // stores bytes made while reading (e.g. by _codecs.encode)
    std::size_t keptBytes() const { return keptBytes_; }
    void setRoot(ValueId id) { root_ = id; }

private:
    std::string input_;
    std::string source_;
    std::deque<Value> values_;  // deque: stable references while the reader appends
    std::deque<std::string> owned_;
    std::size_t keptBytes_ = 0;
    ValueId root_ = 0;
};

// Text of a value that holds text (str, or bytes as Python 2 strings); nullopt otherwise.
std::optional<std::string_view> textOf(const Value &v);

// For messages: text with control and non-ASCII bytes escaped, cut to `max` characters, so an error
// message stays on one line whatever the file contains.
std::string printable(std::string_view s, std::size_t max = 60);

} // namespace folkrnn::pickle

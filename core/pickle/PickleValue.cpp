#include "core/pickle/PickleValue.h"

#include <cstdio>

namespace folkrnn::pickle {

const char *kindName(Kind k)
{
    switch (k) {
    case Kind::None: return "None";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::Bytes: return "bytes";
    case Kind::Text: return "str";
    case Kind::Tuple: return "tuple";
    case Kind::List: return "list";
    case Kind::Dict: return "dict";
    case Kind::Global: return "global";
    case Kind::DType: return "numpy.dtype";
    case Kind::Array: return "numpy.ndarray";
    }
    return "?";
}

const char *callableName(Callable c)
{
    switch (c) {
    case Callable::Reconstruct: return "numpy.core.multiarray._reconstruct";
    case Callable::NdArray: return "numpy.ndarray";
    case Callable::DType: return "numpy.dtype";
    case Callable::Scalar: return "numpy.core.multiarray.scalar";
    case Callable::FromBuffer: return "numpy.core.numeric._frombuffer";
    case Callable::CodecsEncode: return "_codecs.encode";
    }
    return "?";
}

std::string DType::str() const
{
    const char order = size == 1 ? '|' : (bigEndian ? '>' : '<');
    return std::string(1, order) + kind + std::to_string(size);
}

std::string DType::name() const
{
    if (kind == 'b')
        return "bool";
    return std::string(kind == 'f' ? "float" : kind == 'i' ? "int" : "uint") + std::to_string(8 * size);
}

std::string ArrayData::shapeText() const
{
    std::string s = "(";
    for (std::size_t k = 0; k < shape.size(); ++k)
        s += (k ? ", " : "") + std::to_string(shape[k]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

Document::Document(std::string input, std::string source) : input_(std::move(input)), source_(std::move(source)) {}

ValueId Document::add(Value v)
{
    values_.push_back(std::move(v));
    return static_cast<ValueId>(values_.size() - 1);
}

std::string_view Document::keep(std::string bytes)
{
    keptBytes_ += bytes.size();
    owned_.push_back(std::move(bytes));
    return owned_.back();
}

std::optional<ValueId> Document::findId(ValueId dict, std::string_view key) const
{
    const Value &d = at(dict);
    if (d.kind != Kind::Dict)
        return std::nullopt;
    for (std::size_t k = d.items.size(); k >= 2; k -= 2) {
        const auto text = textOf(at(d.items[k - 2]));
        if (text && *text == key)
            return d.items[k - 1];
    }
    return std::nullopt;
}

const Value *Document::find(ValueId dict, std::string_view key) const
{
    const auto id = findId(dict, key);
    return id ? &at(*id) : nullptr;
}

std::optional<std::string_view> textOf(const Value &v)
{
    if (v.kind == Kind::Text || v.kind == Kind::Bytes)
        return v.bytes;
    return std::nullopt;
}

std::string printable(std::string_view s, std::size_t max)
{
    std::string out;
    for (std::size_t k = 0; k < s.size(); ++k) {
        if (out.size() >= max) {
            out += "...";
            break;
        }
        const auto c = static_cast<unsigned char>(s[k]);
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    return out;
}

} // namespace folkrnn::pickle

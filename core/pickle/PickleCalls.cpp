#include "core/pickle/PickleCalls.h"

#include <bit>
#include <cstring>
#include <limits>

namespace folkrnn::pickle {

namespace {

[[noreturn]] void fail(const std::string &problem) { throw FormatProblem(problem); }

constexpr std::size_t kMaxDims = 32; // numpy allows 64; folk-rnn arrays have at most 2

const Value &arg(const Document &doc, const Value &args, std::size_t k) { return doc.at(args.items[k]); }

void requireArgCount(const Value &args, std::size_t lo, std::size_t hi, Callable fn)
{
    if (args.items.size() < lo || args.items.size() > hi)
        fail(std::string(callableName(fn)) + " is called with " + std::to_string(args.items.size()) +
             " arguments");
}

bool truthy(const Value &v, const char *what)
{
    if (v.kind != Kind::Bool && v.kind != Kind::Int)
        fail(std::string(what) + " is a " + kindName(v.kind) + ", expected a bool");
    return v.integer != 0;
}

// numpy's dtype strings for plain numbers: [<>|=] kind size, e.g. "f4", "<f8", "i8", "b1".
DType parseTypeString(std::string_view s)
{
    const std::string original(s);
    DType d;
    if (!s.empty() && (s[0] == '<' || s[0] == '>' || s[0] == '|' || s[0] == '=')) {
        d.bigEndian = s[0] == '>';
        s.remove_prefix(1);
    }
    bool ok = s.size() == 2 && s[1] >= '1' && s[1] <= '8';
    if (ok) {
        d.kind = s[0];
        d.size = static_cast<std::uint8_t>(s[1] - '0');
        switch (d.kind) {
        case 'f': ok = d.size == 4 || d.size == 8; break;
        case 'i': case 'u': ok = std::has_single_bit(unsigned(d.size)); break;
        case 'b': ok = d.size == 1; break;
        default: ok = false;
        }
    }
    if (!ok)
        fail("numpy dtype '" + printable(original) +
             "' is not supported (a folk-rnn file holds float32/float64 arrays and plain integers)");
    return d;
}

ValueId makeScalar(Document &doc, const DType &d, std::string_view raw)
{
    if (raw.size() != d.size)
        fail("a numpy " + d.str() + " scalar has " + std::to_string(raw.size()) + " bytes of data");
    const std::uint64_t bits = loadBits(raw.data(), d);
    Value v;
    switch (d.kind) {
    case 'f':
        v.kind = Kind::Float;
        v.real = d.size == 4 ? double(std::bit_cast<float>(static_cast<std::uint32_t>(bits)))
                             : std::bit_cast<double>(bits);
        break;
    case 'b':
        v.kind = Kind::Bool;
        v.integer = bits != 0;
        break;
    case 'i': {
        const int shift = 64 - 8 * d.size; // sign-extend
        v.kind = Kind::Int;
        v.integer = static_cast<std::int64_t>(bits << shift) >> shift;
        break;
    }
    default: // 'u'
        if (bits > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            fail("an unsigned numpy scalar exceeds the 64-bit signed range");
        v.kind = Kind::Int;
        v.integer = static_cast<std::int64_t>(bits);
    }
    return doc.add(std::move(v));
}

// Checks shape and data against each other before anything uses them: every dimension an integer
// >= 0, the element count free of overflow, and the byte count exactly the data's length.
void fillArray(const Document &doc, ArrayData &a, const Value &dtype, const Value &shape, bool fortran,
               const Value &data)
{
    if (dtype.kind != Kind::DType)
        fail(std::string("an array's dtype is a ") + kindName(dtype.kind));
    if (shape.kind != Kind::Tuple && shape.kind != Kind::List)
        fail(std::string("an array's shape is a ") + kindName(shape.kind));
    if (shape.items.size() > kMaxDims)
        fail("an array has " + std::to_string(shape.items.size()) + " dimensions");
    if (data.kind != Kind::Bytes)
        fail(std::string("an array's data is a ") + kindName(data.kind) + ", expected bytes");
    a.dtype = dtype.dtype;
    a.shape.clear();
    std::uint64_t n = 1;
    bool overflow = false;
    for (ValueId id : shape.items) {
        const Value &dim = doc.at(id);
        if (dim.kind != Kind::Int || dim.integer < 0)
            fail("an array's shape holds something other than a non-negative integer");
        a.shape.push_back(dim.integer);
        overflow = overflow || __builtin_mul_overflow(n, static_cast<std::uint64_t>(dim.integer), &n);
    }
    std::uint64_t bytes = 0;
    overflow = overflow || __builtin_mul_overflow(n, std::uint64_t(a.dtype.size), &bytes);
    if (overflow || bytes != data.bytes.size())
        fail("an array of shape " + a.shapeText() + " and dtype " + a.dtype.str() + " comes with " +
             std::to_string(data.bytes.size()) + " bytes of data" +
             (overflow ? " (the shape overflows)" : ", expected " + std::to_string(bytes)));
    a.elements = static_cast<std::int64_t>(n);
    a.fortran = fortran;
    a.data = data.bytes;
    a.filled = true;
}

// Python 3 writes bytes in protocol 2 as the latin1 text of those bytes, in UTF-8: every byte is
// one ASCII byte or a two-byte sequence led by C2/C3. The whole weight data of such a file comes
// through here, and its bytes are random, so the common path avoids data-dependent branches; any
// other input takes the general decoder for a precise message.
std::size_t latin1Scan(std::string_view utf8, char *out, bool &ok)
{
    const auto *s = reinterpret_cast<const unsigned char *>(utf8.data());
    const std::size_t n = utf8.size();
    std::size_t i = 0, o = 0;
    unsigned bad = 0;
    while (i + 1 < n) {
        const unsigned c = s[i], d = s[i + 1];
        const unsigned two = c >> 7;
        const unsigned mask = 0u - two;
        bad |= two & (unsigned((c & 0xfe) != 0xc2) | unsigned((d & 0xc0) != 0x80));
        if (out)
            out[o] = static_cast<char>((c & ~mask) | ((((c & 0x03) << 6) | (d & 0x3f)) & mask));
        ++o;
        i += 1 + two;
    }
    if (i < n) {
        bad |= s[i] >> 7;
        if (out)
            out[o] = static_cast<char>(s[i]);
        ++o;
    }
    ok = bad == 0;
    return o;
}

std::string latin1(std::string_view utf8)
{
    std::string out(utf8.size(), '\0');
    bool ok = false;
    out.resize(latin1Scan(utf8, out.data(), ok));
    if (ok)
        return out;
    std::size_t pos = 0;
    char32_t cp = 0;
    while (pos < utf8.size()) {
        if (!nextCodePoint(utf8, pos, cp))
            fail("_codecs.encode is given text that is not valid UTF-8");
        if (cp > 0xff)
            fail("_codecs.encode(..., 'latin1') is given a character above U+00FF");
    }
    fail("_codecs.encode is given text that is not valid UTF-8");
}

} // namespace

std::optional<Callable> allowedGlobal(std::string_view module, std::string_view name)
{
    // numpy 2 renamed numpy.core to numpy._core; files written by either must open.
    const bool multiarray = module == "numpy.core.multiarray" || module == "numpy._core.multiarray";
    const bool numeric = module == "numpy.core.numeric" || module == "numpy._core.numeric";
    if (multiarray && name == "_reconstruct")
        return Callable::Reconstruct;
    if (multiarray && name == "scalar")
        return Callable::Scalar;
    if (numeric && name == "_frombuffer")
        return Callable::FromBuffer;
    if (module == "numpy" && name == "ndarray")
        return Callable::NdArray;
    if (module == "numpy" && name == "dtype")
        return Callable::DType;
    if (module == "_codecs" && name == "encode")
        return Callable::CodecsEncode;
    return std::nullopt;
}

ValueId applyCall(Document &doc, Callable fn, ValueId argsId)
{
    const Value &args = doc.at(argsId);
    if (args.kind != Kind::Tuple)
        fail(std::string(callableName(fn)) + " is called with a " + kindName(args.kind) + " instead of arguments");
    switch (fn) {
    case Callable::Reconstruct: {
        // _reconstruct(ndarray, (0,), b'b') makes an empty array that BUILD then fills.
        requireArgCount(args, 3, 3, fn);
        const Value &cls = arg(doc, args, 0);
        if (cls.kind != Kind::Global || cls.callable != Callable::NdArray)
            fail("_reconstruct is asked to make something other than a numpy.ndarray");
        Value v;
        v.kind = Kind::Array;
        v.array = std::make_unique<ArrayData>();
        return doc.add(std::move(v));
    }
    case Callable::DType: {
        requireArgCount(args, 1, 3, fn);
        const auto text = textOf(arg(doc, args, 0));
        if (!text)
            fail("numpy.dtype is given a " + std::string(kindName(arg(doc, args, 0).kind)) + " instead of a type string");
        Value v;
        v.kind = Kind::DType;
        v.dtype = parseTypeString(*text);
        v.dtype.bigEndian = v.dtype.bigEndian && v.dtype.size > 1;
        return doc.add(std::move(v));
    }
    case Callable::Scalar: {
        requireArgCount(args, 2, 2, fn);
        const Value &dtype = arg(doc, args, 0);
        const Value &raw = arg(doc, args, 1);
        if (dtype.kind != Kind::DType || raw.kind != Kind::Bytes)
            fail("numpy scalar needs a dtype and bytes");
        return makeScalar(doc, dtype.dtype, raw.bytes);
    }
    case Callable::FromBuffer: {
        // Protocol 5: _frombuffer(buffer, dtype, shape, order) with the data in-band.
        requireArgCount(args, 4, 4, fn);
        const auto order = textOf(arg(doc, args, 3));
        if (!order || (*order != "C" && *order != "F"))
            fail("_frombuffer's order is not 'C' or 'F'");
        Value v;
        v.kind = Kind::Array;
        v.array = std::make_unique<ArrayData>();
        fillArray(doc, *v.array, arg(doc, args, 1), arg(doc, args, 2), *order == "F", arg(doc, args, 0));
        return doc.add(std::move(v));
    }
    case Callable::CodecsEncode: {
        requireArgCount(args, 2, 2, fn);
        const Value &text = arg(doc, args, 0);
        const auto encoding = textOf(arg(doc, args, 1));
        if (text.kind != Kind::Text)
            fail("_codecs.encode is given a " + std::string(kindName(text.kind)) + " instead of a str");
        if (!encoding || (*encoding != "latin1" && *encoding != "latin-1" && *encoding != "latin_1" &&
                          *encoding != "iso-8859-1" && *encoding != "iso8859-1"))
            fail("_codecs.encode is asked for an encoding other than latin1");
        // Each byte string of a real file is decoded once, so all of them fit in the file's size; a
        // memo reference decoded over and over (an amplification attack) does not.
        if (doc.keptBytes() + text.bytes.size() > doc.input().size())
            fail("_codecs.encode would produce more bytes than the file holds (the same text decoded repeatedly)");
        Value v;
        v.kind = Kind::Bytes;
        v.bytes = doc.keep(latin1(text.bytes));
        return doc.add(std::move(v));
    }
    case Callable::NdArray:
        break;
    }
    fail(std::string(callableName(fn)) + " may not be called directly");
}

void applyBuild(Document &doc, ValueId targetId, ValueId stateId)
{
    Value &target = doc.mut(targetId);
    const Value &state = doc.at(stateId);
    if (state.kind != Kind::Tuple)
        fail(std::string("BUILD is given a ") + kindName(state.kind) + " as state");
    const auto item = [&](std::size_t k) -> const Value & { return doc.at(state.items[k]); };
    if (target.kind == Kind::Array) {
        // ndarray.__setstate__((version, shape, dtype, is_fortran, rawdata)); version is optional.
        ArrayData &a = *target.array;
        if (a.filled)
            fail("BUILD is applied twice to one array");
        const std::size_t n = state.items.size();
        if (n != 4 && n != 5)
            fail("an array's state has " + std::to_string(n) + " items, expected 5");
        const std::size_t o = n - 4;
        if (o == 1 && (item(0).kind != Kind::Int || item(0).integer != 1))
            fail("an array's state has a version other than 1");
        fillArray(doc, a, item(o + 1), item(o), truthy(item(o + 2), "an array's Fortran flag"), item(o + 3));
        return;
    }
    if (target.kind == Kind::DType) {
        // dtype.__setstate__((version, byteorder, subarray, names, fields, elsize, alignment, flags[, metadata]))
        if (target.dtypeBuilt)
            fail("BUILD is applied twice to one dtype");
        if (state.items.size() < 2)
            fail("a dtype's state has fewer than 2 items");
        for (std::size_t k = 2; k < 5 && k < state.items.size(); ++k)
            if (item(k).kind != Kind::None)
                fail("structured or sub-array numpy dtypes are not supported");
        const auto order = textOf(item(1));
        if (!order || order->size() != 1 || std::string_view("<>|=").find((*order)[0]) == std::string_view::npos)
            fail("a dtype's byte order is not one of < > | =");
        target.dtype.bigEndian = (*order)[0] == '>' && target.dtype.size > 1;
        target.dtypeBuilt = true;
        return;
    }
    fail(std::string("BUILD is applied to a ") + kindName(target.kind) + ", which has no state to set");
}

bool nextCodePoint(std::string_view s, std::size_t &pos, char32_t &cp)
{
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
        cp = c;
        ++pos;
        return true;
    }
    std::size_t n = 0;
    char32_t min = 0;
    if ((c & 0xe0) == 0xc0) {
        n = 1, cp = c & 0x1f, min = 0x80;
    } else if ((c & 0xf0) == 0xe0) {
        n = 2, cp = c & 0x0f, min = 0x800;
    } else if ((c & 0xf8) == 0xf0) {
        n = 3, cp = c & 0x07, min = 0x10000;
    } else {
        return false;
    }
    if (s.size() - pos <= n)
        return false;
    for (std::size_t k = 1; k <= n; ++k) {
        const auto b = static_cast<unsigned char>(s[pos + k]);
        if ((b & 0xc0) != 0x80)
            return false;
        cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff)
        return false;
    pos += n + 1;
    return true;
}

bool isUtf8(std::string_view s)
{
    bool latin1Only = false;
    latin1Scan(s, nullptr, latin1Only);
    if (latin1Only)
        return true; // ASCII and U+0080..U+00FF only: the bulk of any folk-rnn file
    std::size_t pos = 0;
    char32_t cp = 0;
    while (pos < s.size())
        if (!nextCodePoint(s, pos, cp))
            return false;
    return true;
}

} // namespace folkrnn::pickle

#include "core/pickle/PickleReader.h"

#include "core/pickle/PickleCalls.h"
#include "core/util/Error.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <limits>
#include <unordered_map>

namespace folkrnn::pickle {

namespace {

// Opcodes are named as in CPython's Lib/pickletools.py.
enum Op : unsigned char {
    MARK = '(', STOP = '.', POP = '0', POP_MARK = '1', DUP = '2', INT = 'I', BININT = 'J', BININT1 = 'K',
    BININT2 = 'M', NONE = 'N', REDUCE = 'R', BINSTRING = 'T', SHORT_BINSTRING = 'U', BINUNICODE = 'X',
    APPEND = 'a', BUILD = 'b', GLOBAL = 'c', DICT = 'd', EMPTY_DICT = '}', APPENDS = 'e', BINGET = 'h',
    LONG_BINGET = 'j', LIST = 'l', EMPTY_LIST = ']', BINPUT = 'q', LONG_BINPUT = 'r', SETITEM = 's',
    TUPLE = 't', EMPTY_TUPLE = ')', SETITEMS = 'u', BINFLOAT = 'G', BINBYTES = 'B', SHORT_BINBYTES = 'C',
    PROTO = 0x80, TUPLE1 = 0x85, TUPLE2 = 0x86, TUPLE3 = 0x87, NEWTRUE = 0x88, NEWFALSE = 0x89,
    LONG1 = 0x8a, LONG4 = 0x8b, SHORT_BINUNICODE = 0x8c, BINUNICODE8 = 0x8d, BINBYTES8 = 0x8e,
    STACK_GLOBAL = 0x93, MEMOIZE = 0x94, FRAME = 0x95, BYTEARRAY8 = 0x96,
};

// Opcodes of the full pickle language that folk-rnn files never need; named so the refusal is clear.
const char *refusedOpcode(unsigned char op)
{
    switch (op) {
    case 'P': case 'Q': return "persistent ID (PERSID/BINPERSID)";
    case 'i': case 'o': case 0x81: case 0x92: return "object construction (INST/OBJ/NEWOBJ/NEWOBJ_EX)";
    case 0x82: case 0x83: case 0x84: return "extension registry reference (EXT1/EXT2/EXT4)";
    case 0x97: case 0x98: return "out-of-band buffer (NEXT_BUFFER/READONLY_BUFFER)";
    case 'S': case 'V': case 'F': case 'L': case 'g': case 'p': return "protocol-0 text opcode";
    case 0x8f: case 0x90: case 0x91: return "set (EMPTY_SET/ADDITEMS/FROZENSET)";
    default: return nullptr;
    }
}

class Reader {
public:
    explicit Reader(Document &doc) : doc_(doc), in_(doc.input()) {}

    ValueId run()
    {
        try {
            return loop();
        } catch (const FormatProblem &e) {
            throw InputError(doc_.source(), "not a readable folk-rnn pickle: " + std::string(e.what()) +
                                                " (at byte " + std::to_string(opStart_) + ")");
        }
    }

private:
    Document &doc_;
    std::string_view in_;
    std::size_t pos_ = 0;
    std::size_t opStart_ = 0;
    std::vector<ValueId> stack_;
    std::vector<std::size_t> marks_; // stack sizes at each MARK; nothing below the last may be popped
    std::unordered_map<std::uint32_t, ValueId> memo_;

    [[noreturn]] static void fail(const std::string &problem) { throw FormatProblem(problem); }

    std::string_view take(std::uint64_t n)
    {
        const std::size_t left = in_.size() - pos_;
        if (n > left)
            fail("a length of " + std::to_string(n) + " bytes is declared but only " + std::to_string(left) +
                 " remain (the file is truncated or corrupt)");
        const std::string_view s = in_.substr(pos_, static_cast<std::size_t>(n));
        pos_ += static_cast<std::size_t>(n);
        return s;
    }
    std::uint64_t readLE(int n)
    {
        const std::string_view s = take(static_cast<std::uint64_t>(n));
        std::uint64_t v = 0;
        for (int k = n - 1; k >= 0; --k)
            v = (v << 8) | static_cast<unsigned char>(s[static_cast<std::size_t>(k)]);
        return v;
    }
    std::string_view readLine()
    {
        const std::size_t end = in_.find('\n', pos_);
        if (end == std::string_view::npos || end - pos_ > kMaxGlobalName)
            fail("a text line (global name or integer) is unterminated or longer than " +
                 std::to_string(kMaxGlobalName) + " bytes");
        const std::string_view s = in_.substr(pos_, end - pos_);
        pos_ = end + 1;
        return s;
    }

    ValueId add(Value v)
    {
        if (doc_.size() >= kMaxObjects)
            fail("more than " + std::to_string(kMaxObjects) + " objects");
        return doc_.add(std::move(v));
    }
    ValueId addScalar(Kind k, std::int64_t i = 0, double r = 0.0)
    {
        Value v;
        v.kind = k;
        v.integer = i;
        v.real = r;
        return add(std::move(v));
    }
    ValueId addBytes(Kind k, std::string_view s)
    {
        if (k == Kind::Text && !isUtf8(s))
            fail("a str is not valid UTF-8");
        Value v;
        v.kind = k;
        v.bytes = s;
        return add(std::move(v));
    }

    void push(ValueId id)
    {
        if (stack_.size() >= kMaxObjects)
            fail("the pickle stack grows beyond " + std::to_string(kMaxObjects) + " entries");
        stack_.push_back(id);
    }
    std::size_t fence() const { return marks_.empty() ? 0 : marks_.back(); }
    ValueId pop()
    {
        if (stack_.size() <= fence())
            fail("stack underflow (an opcode needs a value that is not there)");
        const ValueId id = stack_.back();
        stack_.pop_back();
        return id;
    }
    ValueId top() const
    {
        if (stack_.size() <= fence())
            fail("stack underflow (an opcode needs a value that is not there)");
        return stack_.back();
    }
    std::vector<ValueId> popMark()
    {
        if (marks_.empty())
            fail("an opcode needs a MARK that is not there");
        const std::size_t m = marks_.back();
        marks_.pop_back();
        std::vector<ValueId> items(stack_.begin() + static_cast<std::ptrdiff_t>(m), stack_.end());
        stack_.resize(m);
        return items;
    }

    // Containers record how deep they nest so that pathological nesting is refused early; nothing
    // here recurses over values, so the bound is about resources, not the C++ stack.
    void adopt(Value &container, ValueId child)
    {
        const std::uint16_t d = doc_.at(child).depth;
        if (d + 1 > container.depth)
            container.depth = static_cast<std::uint16_t>(d + 1);
        if (container.depth > kMaxDepth)
            fail("containers are nested more than " + std::to_string(kMaxDepth) + " deep");
    }
    ValueId addContainer(Kind k, std::vector<ValueId> items)
    {
        Value v;
        v.kind = k;
        v.depth = 1;
        for (ValueId c : items)
            adopt(v, c);
        v.items = std::move(items);
        return add(std::move(v));
    }
    void extend(Kind k, const std::vector<ValueId> &items)
    {
        const ValueId target = top();
        Value &c = doc_.mut(target);
        if (c.kind != k)
            fail(std::string(k == Kind::List ? "APPEND" : "SETITEM") + " applied to a " + kindName(c.kind));
        if (k == Kind::Dict && items.size() % 2 != 0)
            fail("SETITEMS with an odd number of keys and values");
        for (ValueId item : items) {
            if (item == target)
                fail("a container contains itself");
            adopt(c, item);
            c.items.push_back(item);
        }
    }

    void put(std::uint64_t index)
    {
        const ValueId v = top();
        if (index > std::numeric_limits<std::uint32_t>::max())
            fail("memo index out of range");
        if (memo_.size() >= kMaxMemo && !memo_.count(static_cast<std::uint32_t>(index)))
            fail("more than " + std::to_string(kMaxMemo) + " memo entries");
        memo_[static_cast<std::uint32_t>(index)] = v;
    }
    void get(std::uint64_t index)
    {
        const auto it = memo_.find(static_cast<std::uint32_t>(index));
        if (it == memo_.end())
            fail("memo entry " + std::to_string(index) + " is used before it is stored");
        push(it->second);
    }

    // Python's int from LONG1/LONG4: little-endian two's complement of any width; we keep 64 bits.
    ValueId longInt(std::string_view s)
    {
        const bool negative = !s.empty() && (static_cast<unsigned char>(s.back()) & 0x80);
        for (std::size_t k = 8; k < s.size(); ++k)
            if (static_cast<unsigned char>(s[k]) != (negative ? 0xff : 0x00))
                fail("an integer is wider than 64 bits");
        std::uint64_t v = negative ? ~std::uint64_t(0) : 0;
        for (std::size_t k = std::min<std::size_t>(s.size(), 8); k-- > 0;)
            v = (v << 8) | static_cast<unsigned char>(s[k]);
        if (s.size() > 8 && ((v >> 63) != 0) != negative)
            fail("an integer is wider than 64 bits");
        return addScalar(Kind::Int, static_cast<std::int64_t>(v));
    }
    // cPickle writes ints that do not fit 32 bits as INT text, and "00"/"01" for False/True.
    ValueId textInt(std::string_view s)
    {
        if (s == "00" || s == "01")
            return addScalar(Kind::Bool, s == "01");
        std::size_t k = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
        if (k == s.size() || s.size() - k > 18)
            fail("INT \"" + printable(s) + "\" is not an integer that fits 64 bits");
        std::int64_t v = 0;
        for (; k < s.size(); ++k) {
            if (s[k] < '0' || s[k] > '9')
                fail("INT \"" + printable(s) + "\" is not an integer");
            v = v * 10 + (s[k] - '0');
        }
        return addScalar(Kind::Int, s[0] == '-' ? -v : v);
    }

    ValueId global(std::string_view module, std::string_view name)
    {
        const auto fn = allowedGlobal(module, name);
        if (!fn)
            fail("it names the global " + printable(module) + "." + printable(name) +
                 ", which a folk-rnn model file never needs; refused before use (allowed: numpy array, dtype "
                 "and scalar reconstruction and _codecs.encode)");
        Value v;
        v.kind = Kind::Global;
        v.callable = *fn;
        return add(std::move(v));
    }

    ValueId loop();
};

ValueId Reader::loop()
{
    // Protocol 0/1 pickles (no PROTO) are text-based or predate numpy's reductions used here.
    if (in_.empty())
        fail("the file is empty");
    if (static_cast<unsigned char>(in_[0]) != PROTO)
        fail("it does not start with the pickle PROTO opcode 0x80 (folk-rnn model files are pickle protocol 2 or later)");
    for (;;) {
        opStart_ = pos_;
        if (pos_ >= in_.size())
            fail("the data ends before the pickle's STOP opcode (the file is truncated)");
        const auto op = static_cast<unsigned char>(in_[pos_++]);
        switch (op) {
        case PROTO: {
            const auto v = readLE(1);
            if (v > 5)
                fail("pickle protocol " + std::to_string(v) + " is newer than 5");
            break;
        }
        case FRAME: // protocol 4 framing only groups opcodes; its length must still be plausible
            if (readLE(8) > in_.size() - pos_)
                fail("a FRAME is longer than the rest of the file");
            break;
        case STOP: {
            const ValueId v = pop();
            return v;
        }
        case MARK:
            if (marks_.size() >= kMaxMarks)
                fail("more than " + std::to_string(kMaxMarks) + " nested MARKs");
            marks_.push_back(stack_.size());
            break;
        case POP: pop(); break;
        case POP_MARK: popMark(); break;
        case DUP: push(top()); break;
        case NONE: push(addScalar(Kind::None)); break;
        case NEWTRUE: push(addScalar(Kind::Bool, 1)); break;
        case NEWFALSE: push(addScalar(Kind::Bool, 0)); break;
        case BININT: push(addScalar(Kind::Int, static_cast<std::int32_t>(readLE(4)))); break;
        case BININT1: push(addScalar(Kind::Int, static_cast<std::int64_t>(readLE(1)))); break;
        case BININT2: push(addScalar(Kind::Int, static_cast<std::int64_t>(readLE(2)))); break;
        case INT: push(textInt(readLine())); break;
        case LONG1: push(longInt(take(readLE(1)))); break;
        case LONG4: {
            const auto n = static_cast<std::int32_t>(readLE(4));
            if (n < 0)
                fail("LONG4 with a negative length");
            push(longInt(take(static_cast<std::uint64_t>(n))));
            break;
        }
        case BINFLOAT: {
            std::uint64_t bits = 0;
            for (char c : take(8)) // big-endian
                bits = (bits << 8) | static_cast<unsigned char>(c);
            push(addScalar(Kind::Float, 0, std::bit_cast<double>(bits)));
            break;
        }
        case SHORT_BINSTRING: push(addBytes(Kind::Bytes, take(readLE(1)))); break;
        case BINSTRING: {
            const auto n = static_cast<std::int32_t>(readLE(4));
            if (n < 0)
                fail("BINSTRING with a negative length");
            push(addBytes(Kind::Bytes, take(static_cast<std::uint64_t>(n))));
            break;
        }
        case SHORT_BINBYTES: push(addBytes(Kind::Bytes, take(readLE(1)))); break;
        case BINBYTES: push(addBytes(Kind::Bytes, take(readLE(4)))); break;
        case BINBYTES8: case BYTEARRAY8: push(addBytes(Kind::Bytes, take(readLE(8)))); break;
        case SHORT_BINUNICODE: push(addBytes(Kind::Text, take(readLE(1)))); break;
        case BINUNICODE: push(addBytes(Kind::Text, take(readLE(4)))); break;
        case BINUNICODE8: push(addBytes(Kind::Text, take(readLE(8)))); break;
        case EMPTY_TUPLE: push(addContainer(Kind::Tuple, {})); break;
        case EMPTY_LIST: push(addContainer(Kind::List, {})); break;
        case EMPTY_DICT: push(addContainer(Kind::Dict, {})); break;
        case TUPLE: push(addContainer(Kind::Tuple, popMark())); break;
        case LIST: push(addContainer(Kind::List, popMark())); break;
        case DICT: {
            auto items = popMark();
            if (items.size() % 2 != 0)
                fail("DICT with an odd number of keys and values");
            push(addContainer(Kind::Dict, std::move(items)));
            break;
        }
        case TUPLE1: case TUPLE2: case TUPLE3: {
            std::vector<ValueId> items(static_cast<std::size_t>(op - TUPLE1 + 1));
            for (std::size_t k = items.size(); k-- > 0;)
                items[k] = pop();
            push(addContainer(Kind::Tuple, std::move(items)));
            break;
        }
        case APPEND: {
            const ValueId v = pop();
            extend(Kind::List, {v});
            break;
        }
        case APPENDS: extend(Kind::List, popMark()); break;
        case SETITEM: {
            const ValueId v = pop();
            const ValueId k = pop();
            extend(Kind::Dict, {k, v});
            break;
        }
        case SETITEMS: extend(Kind::Dict, popMark()); break;
        case BINPUT: put(readLE(1)); break;
        case LONG_BINPUT: put(readLE(4)); break;
        case MEMOIZE: put(memo_.size()); break;
        case BINGET: get(readLE(1)); break;
        case LONG_BINGET: get(readLE(4)); break;
        case GLOBAL: {
            const std::string_view module = readLine();
            const std::string_view name = readLine();
            push(global(module, name));
            break;
        }
        case STACK_GLOBAL: {
            const Value &name = doc_.at(pop());
            const Value &module = doc_.at(pop());
            if (name.kind != Kind::Text || module.kind != Kind::Text)
                fail("STACK_GLOBAL needs two str values");
            push(global(module.bytes, name.bytes));
            break;
        }
        case REDUCE: {
            const ValueId args = pop();
            const Value &fn = doc_.at(pop());
            if (fn.kind != Kind::Global)
                fail(std::string("REDUCE calls a ") + kindName(fn.kind) + ", which is not callable");
            push(applyCall(doc_, fn.callable, args));
            break;
        }
        case BUILD: {
            const ValueId state = pop();
            applyBuild(doc_, top(), state);
            break;
        }
        default:
            if (const char *what = refusedOpcode(op))
                fail(std::string("it uses a ") + what + ", which folk-rnn model files never contain");
            {
                char buf[8];
                std::snprintf(buf, sizeof buf, "0x%02x", op);
                fail(std::string("unknown opcode ") + buf + " (not a pickle, or a damaged one)");
            }
        }
    }
}

} // namespace

std::unique_ptr<Document> readPickle(std::string bytes, const std::string &source)
{
    auto doc = std::make_unique<Document>(std::move(bytes), source);
    Reader reader(*doc);
    doc->setRoot(reader.run());
    return doc;
}

} // namespace folkrnn::pickle

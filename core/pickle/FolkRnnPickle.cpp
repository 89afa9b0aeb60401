#include "core/pickle/FolkRnnPickle.h"

#include "core/pickle/NumpyArray.h"
#include "core/pickle/PickleCalls.h"
#include "core/pickle/PickleReader.h"
#include "core/util/Error.h"
#include "core/util/MemoryBudget.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

namespace folkrnn {

using namespace pickle;

namespace {

constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t(2) << 30; // the v2 model is 22 MB
constexpr std::size_t kMaxLayers = 64;                             // as the HDF5 model reader

// Lasagne's get_all_param_values() order within one LSTM layer.
constexpr const char *kLayerParams[14] = {
    "W_in_to_ingate", "W_hid_to_ingate", "b_ingate", "W_in_to_forgetgate", "W_hid_to_forgetgate",
    "b_forgetgate", "W_in_to_cell", "W_hid_to_cell", "b_cell", "W_in_to_outgate", "W_hid_to_outgate",
    "b_outgate", "cell_init", "hid_init"};

std::string shapeText(std::initializer_list<Eigen::Index> dims)
{
    ArrayData a;
    for (auto d : dims)
        a.shape.push_back(d);
    return a.shapeText();
}

// Text as UTF-8: Python 3 str already is; Python 2 byte strings are taken as UTF-8 when they are
// valid UTF-8 (ASCII always is) and as Latin-1 otherwise, as Python 3's pickle.load(encoding='latin1').
std::string utf8Text(const Value &v)
{
    const std::string_view s = v.bytes;
    if (v.kind == Kind::Text || isUtf8(s))
        return std::string(s);
    std::string out;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            out += c;
        } else {
            out += static_cast<char>(0xc0 | (b >> 6));
            out += static_cast<char>(0x80 | (b & 0x3f));
        }
    }
    return out;
}

bool isExactIdentity(const Eigen::MatrixXf &m)
{
    if (m.rows() != m.cols())
        return false;
    for (Eigen::Index c = 0; c < m.cols(); ++c)
        for (Eigen::Index r = 0; r < m.rows(); ++r)
            if (m(r, c) != (r == c ? 1.0f : 0.0f))
                return false;
    return true;
}

class Converter {
public:
    Converter(const Document &doc, const std::string &source) : doc_(doc), source_(source) {}

    Model convert()
    {
        if (doc_.at(doc_.root()).kind != Kind::Dict)
            fail(std::string("the pickle holds a ") + kindName(doc_.at(doc_.root()).kind) +
                 ", not folk-rnn's model dictionary");
        Model model;
        model.vocabulary = vocabulary(require("token2idx"));
        readParams(model, require("param_values"));
        readProvenance(model.provenance);
        model.validate(source_);
        return model;
    }

private:
    const Document &doc_;
    const std::string &source_;

    [[noreturn]] void fail(const std::string &problem) const { throw InputError(source_, problem); }

    const Value &require(const char *key) const
    {
        const Value *v = doc_.find(doc_.root(), key);
        if (!v)
            fail(std::string("the model dictionary has no '") + key + "' entry (not a folk-rnn model file?)");
        return *v;
    }

    std::vector<std::string> vocabulary(const Value &dict) const
    {
        if (dict.kind != Kind::Dict)
            fail(std::string("'token2idx' is a ") + kindName(dict.kind) + ", expected a dict");
        std::map<std::string, std::int64_t> byToken; // later entries win, as in Python
        std::size_t keyBytes = 0;
        for (std::size_t k = 0; k + 1 < dict.items.size(); k += 2) {
            const Value &key = doc_.at(dict.items[k]);
            const Value &index = doc_.at(dict.items[k + 1]);
            if (!textOf(key))
                fail(std::string("'token2idx' has a key that is a ") + kindName(key.kind) + ", not a token string");
            keyBytes += key.bytes.size(); // distinct keys fit in the file; repeated memo references may not
            if (keyBytes > doc_.input().size())
                fail("'token2idx' repeats the same key object many times");
            const std::string token = utf8Text(key);
            if (std::any_of(token.begin(), token.end(), [](char c) { return (c >= 0 && c < 0x20) || c == 0x7f; }))
                fail("'token2idx' has the token \"" + printable(token) + "\", which contains a control character");
            if (index.kind != Kind::Int)
                fail("'token2idx' maps \"" + printable(token) + "\" to a " + kindName(index.kind) + ", not an index");
            byToken[token] = index.integer;
        }
        const auto V = static_cast<std::int64_t>(byToken.size());
        std::vector<std::string> vocab(byToken.size());
        std::vector<bool> used(byToken.size(), false);
        for (const auto &[token, index] : byToken) {
            if (index < 0 || index >= V)
                fail("'token2idx' gives \"" + printable(token) + "\" the index " + std::to_string(index) +
                     ", outside 0.." + std::to_string(V - 1));
            const auto i = static_cast<std::size_t>(index);
            if (used[i])
                fail("'token2idx' gives the index " + std::to_string(index) + " to both \"" + printable(vocab[i]) +
                     "\" and \"" + printable(token) + "\"");
            used[i] = true;
            vocab[i] = token;
        }
        return vocab;
    }

    // --- param_values ---------------------------------------------------------------------------
    std::vector<const ArrayData *> params_;

    std::string paramName(std::size_t k) const
    {
        const std::size_t n = params_.size();
        std::string what;
        if (k == 0)
            what = "embedding W";
        else if (k == n - 2)
            what = "dense W";
        else if (k == n - 1)
            what = "dense b";
        else
            what = "layer " + std::to_string((k - 1) / 14 + 1) + " " + kLayerParams[(k - 1) % 14];
        return "'param_values'[" + std::to_string(k) + "] (" + what + ")";
    }

    // Shape (rows, cols) exactly.
    Eigen::MatrixXf matrix(std::size_t k, Eigen::Index rows, Eigen::Index cols) const
    {
        const ArrayData &a = *params_[k];
        if (a.shape.size() != 2 || a.shape[0] != rows || a.shape[1] != cols)
            fail(paramName(k) + " has shape " + a.shapeText() + ", expected " + shapeText({rows, cols}));
        return toMatrix(a, rows, cols);
    }
    // Shape (n,), or (1, n) when `rowAllowed` (Lasagne stores cell_init and hid_init as 1 x H).
    Eigen::VectorXf vector(std::size_t k, Eigen::Index n, bool rowAllowed) const
    {
        const ArrayData &a = *params_[k];
        const bool ok = (a.shape.size() == 1 && a.shape[0] == n) ||
                        (rowAllowed && a.shape.size() == 2 && a.shape[0] == 1 && a.shape[1] == n);
        if (!ok)
            fail(paramName(k) + " has shape " + a.shapeText() + ", expected " +
                 (rowAllowed ? shapeText({1, n}) : shapeText({n})));
        return toVector(a);
    }

    void readParams(Model &model, const Value &list)
    {
        if (list.kind != Kind::List && list.kind != Kind::Tuple)
            fail(std::string("'param_values' is a ") + kindName(list.kind) + ", expected a list of arrays");
        const std::size_t n = list.items.size();
        if (n < 17 || (n - 3) % 14 != 0)
            fail("'param_values' has " + std::to_string(n) +
                 " arrays; a folk-rnn LSTM has 1 + 14 per layer + 2 (17, 31, 45, ...)");
        if ((n - 3) / 14 > kMaxLayers)
            fail("'param_values' describes " + std::to_string((n - 3) / 14) + " LSTM layers; at most " +
                 std::to_string(kMaxLayers) + " are supported");
        for (ValueId id : list.items)
            params_.push_back(doc_.at(id).array.get());
        for (std::size_t k = 0; k < n; ++k) {
            const Value &v = doc_.at(list.items[k]);
            if (v.kind != Kind::Array)
                fail(paramName(k) + " is a " + kindName(v.kind) + ", not a numpy array");
            if (!v.array->filled)
                fail(paramName(k) + " is an array whose data never arrives (no BUILD)");
            if (v.array->dtype.kind != 'f')
                fail(paramName(k) + " has dtype " + v.array->dtype.name() + " (" + v.array->dtype.str() +
                     "); folk-rnn weights are float32 or float64");
        }
        // Distinct arrays fit in the file; memo references repeating one array (which Lasagne never
        // writes) could otherwise make the conversion allocate far more than the file's size.
        std::uint64_t bytes = 0;
        for (const ArrayData *a : params_)
            bytes += a->data.size();
        if (bytes > doc_.input().size())
            fail("'param_values' refers to the same array data more than once");
        const auto V = static_cast<Eigen::Index>(model.vocabulary.size());
        const ArrayData &emb = *params_[0];
        if (emb.shape.size() != 2 || emb.shape[0] != V)
            fail(paramName(0) + " has shape " + emb.shapeText() + " but 'token2idx' has " + std::to_string(V) +
                 " tokens (expected " + std::to_string(V) + " rows)");
        const Eigen::Index E = emb.shape[1];
        const ArrayData &first = *params_[1];
        if (first.shape.size() != 2 || first.shape[0] != E || first.shape[1] < 1)
            fail(paramName(1) + " has shape " + first.shapeText() + ", expected (" + std::to_string(E) + ", units)");
        const Eigen::Index H = first.shape[1];

        // A one-hot model stores the identity as its embedding: keep it as "no embedding".
        Eigen::MatrixXf W = matrix(0, V, E);
        if (!isExactIdentity(W))
            model.embedding = std::move(W);

        const std::size_t L = (n - 3) / 14;
        Eigen::Index nIn = E;
        for (std::size_t j = 0; j < L; ++j) {
            LstmLayer layer;
            const std::size_t base = 1 + 14 * j;
            for (int g = 0; g < 4; ++g) {
                layer.Wx[g] = matrix(base + 3 * g, nIn, H);
                layer.Wh[g] = matrix(base + 3 * g + 1, H, H);
                layer.b[g] = vector(base + 3 * g + 2, H, false);
            }
            layer.c0 = vector(base + 12, H, true);
            layer.h0 = vector(base + 13, H, true);
            model.layers.push_back(std::move(layer));
            nIn = H;
        }
        model.denseW = matrix(n - 2, H, V);
        model.denseB = vector(n - 1, V, false);
    }

    // --- provenance -----------------------------------------------------------------------------
    // One number: a Python int/float, a numpy scalar, a 0-d or one-element array, or a one-element
    // list/tuple of those (Theano functions return their outputs in a list).
    std::optional<double> number(const Value &v, int depth = 0) const
    {
        switch (v.kind) {
        case Kind::Int: return double(v.integer);
        case Kind::Float: return v.real;
        case Kind::Array:
            if (v.array->filled && v.array->elements == 1)
                return elementAsDouble(*v.array, 0);
            return std::nullopt;
        case Kind::List:
        case Kind::Tuple:
            if (depth == 0 && v.items.size() == 1)
                return number(doc_.at(v.items[0]), 1);
            return std::nullopt;
        default: return std::nullopt;
        }
    }

    std::string text(const char *key, const Value &v) const
    {
        if (textOf(v))
            return utf8Text(v);
        if (v.kind == Kind::Int)
            return std::to_string(v.integer);
        fail(std::string("'") + key + "' is a " + kindName(v.kind) + ", expected a string");
    }

    long long count(const char *key, const Value &v) const
    {
        const auto x = number(v);
        if (!x || !(*x >= 0) || *x > 9.0e15 || std::floor(*x) != *x)
            fail(std::string("'") + key + "' is not a non-negative whole number");
        return static_cast<long long>(*x);
    }

    std::vector<double> numbers(const char *key, const Value &v) const
    {
        std::vector<double> out;
        if (v.kind == Kind::Array && v.array->filled && v.array->shape.size() == 1) {
            for (std::int64_t k = 0; k < v.array->elements; ++k)
                out.push_back(elementAsDouble(*v.array, k));
            return out;
        }
        if (v.kind != Kind::List && v.kind != Kind::Tuple)
            fail(std::string("'") + key + "' is a " + kindName(v.kind) + ", expected a list of numbers");
        for (std::size_t k = 0; k < v.items.size(); ++k) {
            const auto x = number(doc_.at(v.items[k]));
            if (!x)
                fail(std::string("'") + key + "'[" + std::to_string(k) + "] is a " +
                     kindName(doc_.at(v.items[k]).kind) + ", expected a number");
            out.push_back(*x);
        }
        return out;
    }

    // Provenance keys are optional (other folk-rnn tools omit some) but must be well-formed when present.
    void readProvenance(Provenance &p) const
    {
        p.name = std::filesystem::path(source_).stem().string();
        p.source = source_;
        const ValueId root = doc_.root();
        if (const Value *v = doc_.find(root, "configuration"))
            p.configuration = text("configuration", *v);
        if (const Value *v = doc_.find(root, "experiment_id"))
            p.experimentId = text("experiment_id", *v);
        if (const Value *v = doc_.find(root, "epoch_since_start"))
            p.epoch = count("epoch_since_start", *v);
        if (const Value *v = doc_.find(root, "iters_since_start"))
            p.iterations = count("iters_since_start", *v);
        if (const Value *v = doc_.find(root, "losses_train"))
            p.lossesTrain = numbers("losses_train", *v);
        if (const Value *v = doc_.find(root, "losses_eval_valid"))
            p.lossesValid = numbers("losses_eval_valid", *v);
    }
};

} // namespace

bool looksLikePickle(const std::string &path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == ".pkl")
        return true;
    std::ifstream in(path, std::ios::binary);
    char first = 0;
    return in.get(first) && static_cast<unsigned char>(first) == 0x80;
}

Model folkRnnModelFromPickle(std::string bytes, const std::string &source)
{
    const auto doc = readPickle(std::move(bytes), source);
    return Converter(*doc, source).convert();
}

Model loadFolkRnnPickle(const std::string &path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path, "is a directory, not a model file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, std::string("cannot be opened: ") + std::strerror(errno));
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec)
        throw InputError(path, "cannot be read: " + ec.message());
    if (size > kMaxFileBytes)
        throw InputError(path, "is larger than 2 GiB; folk-rnn model files are tens of megabytes");
    // The bytes, the arrays decoded from them, the Model and the simulator's fused copy: each at
    // most the file's size.
    requireMemory(saturatingMultiply(size, 4), path, "reading this pickle");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size)))
        throw InputError(path, "cannot be read completely");
    return folkRnnModelFromPickle(std::move(bytes), path);
}

} // namespace folkrnn

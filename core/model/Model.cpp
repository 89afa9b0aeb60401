#include "core/model/Model.h"

#include "core/util/Error.h"

#include <set>
#include <sstream>

namespace folkrnn {

const char *gateSuffix(Gate g)
{
    static constexpr const char *names[] = {"i", "f", "c", "o"};
    return names[static_cast<int>(g)];
}

std::size_t Model::parameterCount() const
{
    std::size_t n = 0;
    if (embedding)
        n += static_cast<std::size_t>(embedding->size());
    for (const auto &layer : layers) {
        for (int g = 0; g < 4; ++g)
            n += layer.Wx[g].size() + layer.Wh[g].size() + layer.b[g].size();
        n += layer.h0.size() + layer.c0.size();
    }
    return n + denseW.size() + denseB.size();
}

int Model::tokenIndex(const std::string &token) const
{
    for (std::size_t i = 0; i < vocabulary.size(); ++i)
        if (vocabulary[i] == token)
            return static_cast<int>(i);
    return -1;
}

namespace {

std::string shapeOf(const Eigen::MatrixXf &m)
{
    std::ostringstream s;
    s << '[' << m.rows() << ',' << m.cols() << ']';
    return s.str();
}

void requireShape(const std::string &source, const std::string &what, const Eigen::MatrixXf &m,
                  Eigen::Index rows, Eigen::Index cols)
{
    if (m.rows() != rows || m.cols() != cols) {
        std::ostringstream s;
        s << what << " has shape " << shapeOf(m) << ", expected [" << rows << ',' << cols << ']';
        throw InputError(source, s.str());
    }
    if (!m.allFinite())
        throw InputError(source, what + " contains NaN or infinite values");
}

void requireVector(const std::string &source, const std::string &what, const Eigen::VectorXf &v,
                   Eigen::Index size)
{
    if (v.size() != size) {
        std::ostringstream s;
        s << what << " has " << v.size() << " values, expected " << size;
        throw InputError(source, s.str());
    }
    if (!v.allFinite())
        throw InputError(source, what + " contains NaN or infinite values");
}

} // namespace

void Model::validate(const std::string &source) const
{
    const Eigen::Index V = vocabSize();
    if (V < 2)
        throw InputError(source, "the vocabulary has fewer than 2 tokens");
    std::set<std::string> seen;
    for (const auto &t : vocabulary) {
        if (t.empty())
            throw InputError(source, "the vocabulary contains an empty token");
        if (!seen.insert(t).second)
            throw InputError(source, "the vocabulary contains the token \"" + t + "\" twice");
    }
    if (startToken() < 0)
        throw InputError(source, "the vocabulary has no start token <s>");
    if (endToken() < 0)
        throw InputError(source, "the vocabulary has no end token </s>");
    if (layers.empty())
        throw InputError(source, "the model has no LSTM layers");

    Eigen::Index nIn = V;
    if (embedding) {
        if (embedding->rows() != V)
            throw InputError(source, "embedding has " + std::to_string(embedding->rows()) +
                                         " rows but the vocabulary has " + std::to_string(V) + " tokens");
        requireShape(source, "embedding", *embedding, V, embedding->cols());
        nIn = embedding->cols();
    }
    const Eigen::Index H = layers.front().hiddenSize();
    if (H < 1)
        throw InputError(source, "layer 1 has no units");
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const auto &layer = layers[l];
        const std::string name = "layer" + std::to_string(l + 1) + "/";
        for (Gate g : kGates) {
            const int k = static_cast<int>(g);
            requireShape(source, name + "W_x" + gateSuffix(g), layer.Wx[k], nIn, H);
            requireShape(source, name + "W_h" + gateSuffix(g), layer.Wh[k], H, H);
            requireVector(source, name + "b_" + gateSuffix(g), layer.b[k], H);
        }
        requireVector(source, name + "h0", layer.h0, H);
        requireVector(source, name + "c0", layer.c0, H);
        nIn = H;
    }
    requireShape(source, "softmax/W", denseW, H, V);
    requireVector(source, "softmax/b", denseB, V);
}

} // namespace folkrnn

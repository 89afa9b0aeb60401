#include "core/session/ModelFingerprint.h"

#include <openssl/evp.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

namespace folkrnn {

namespace {

// Streams the canonical encoding into an EVP digest context. Integers are unsigned 64-bit
// little-endian, floats IEEE-754 binary32 little-endian, whatever the host's byte order.
class CanonicalHasher {
public:
    CanonicalHasher() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free)
    {
        if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("SHA-256 is not available from libcrypto");
    }

    void bytes(const void *data, std::size_t n)
    {
        if (n && EVP_DigestUpdate(ctx_.get(), data, n) != 1)
            throw std::runtime_error("libcrypto failed while hashing");
    }

    void u64(std::uint64_t v)
    {
        unsigned char b[8];
        for (int k = 0; k < 8; ++k)
            b[k] = static_cast<unsigned char>(v >> (8 * k));
        bytes(b, 8);
    }

    void text(const std::string &s)
    {
        u64(s.size());
        bytes(s.data(), s.size());
    }

    // rows, cols, then the values row by row (a vector is hashed as [n, 1]).
    void array(const Eigen::MatrixXf &m)
    {
        u64(static_cast<std::uint64_t>(m.rows()));
        u64(static_cast<std::uint64_t>(m.cols()));
        buffer_.resize(static_cast<std::size_t>(m.size()) * 4);
        std::size_t at = 0;
        for (Eigen::Index r = 0; r < m.rows(); ++r)
            for (Eigen::Index c = 0; c < m.cols(); ++c) {
                const std::uint32_t bits = std::bit_cast<std::uint32_t>(m(r, c));
                for (int k = 0; k < 4; ++k)
                    buffer_[at++] = static_cast<unsigned char>(bits >> (8 * k));
            }
        bytes(buffer_.data(), buffer_.size());
    }

    std::string hexDigest()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        if (EVP_DigestFinal_ex(ctx_.get(), digest, &n) != 1 || n != 32)
            throw std::runtime_error("libcrypto failed to finish the SHA-256 digest");
        static constexpr char hex[] = "0123456789abcdef";
        std::string out;
        for (unsigned int k = 0; k < n; ++k) {
            out += hex[digest[k] >> 4];
            out += hex[digest[k] & 15];
        }
        return out;
    }

private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
    std::vector<unsigned char> buffer_;
};

} // namespace

std::string modelFingerprint(const Model &model)
{
    CanonicalHasher h;
    static constexpr char tag[] = "folkrnn-fingerprint-v1\n";
    h.bytes(tag, sizeof tag - 1);
    h.u64(model.vocabulary.size());
    for (const std::string &token : model.vocabulary)
        h.text(token);
    h.u64(model.embedding ? 1 : 0);
    if (model.embedding)
        h.array(*model.embedding);
    h.u64(model.layers.size());
    for (const LstmLayer &layer : model.layers) {
        for (Gate g : kGates) {
            h.array(layer.wx(g));
            h.array(layer.wh(g));
            h.array(layer.bias(g));
        }
        h.array(layer.h0);
        h.array(layer.c0);
    }
    h.array(model.denseW);
    h.array(model.denseB);
    return h.hexDigest();
}

bool isFingerprint(const std::string &text)
{
    if (text.size() != 64)
        return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

} // namespace folkrnn

#include "core/pickle/NumpyArray.h"

#include <bit>
#include <cstring>

namespace folkrnn::pickle {

namespace {

float elementAsFloat(const ArrayData &a, std::int64_t k)
{
    const char *p = a.data.data() + k * a.dtype.size;
    const std::uint64_t bits = loadBits(p, a.dtype);
    if (a.dtype.kind == 'f' && a.dtype.size == 4)
        return std::bit_cast<float>(static_cast<std::uint32_t>(bits));
    return static_cast<float>(elementAsDouble(a, k));
}

// The common case of folk-rnn files: float32 in this machine's byte order.
bool nativeFloat32(const ArrayData &a)
{
    const bool hostBig = std::endian::native == std::endian::big;
    return a.dtype.kind == 'f' && a.dtype.size == 4 && a.dtype.bigEndian == hostBig;
}

} // namespace

double elementAsDouble(const ArrayData &a, std::int64_t k)
{
    const char *p = a.data.data() + k * a.dtype.size;
    const std::uint64_t bits = loadBits(p, a.dtype);
    switch (a.dtype.kind) {
    case 'f':
        return a.dtype.size == 4 ? double(std::bit_cast<float>(static_cast<std::uint32_t>(bits)))
                                 : std::bit_cast<double>(bits);
    case 'i': {
        const int shift = 64 - 8 * a.dtype.size;
        return double(static_cast<std::int64_t>(bits << shift) >> shift);
    }
    default: // 'u', 'b'
        return double(bits);
    }
}

Eigen::MatrixXf toMatrix(const ArrayData &a, Eigen::Index rows, Eigen::Index cols)
{
    Eigen::MatrixXf m(rows, cols);
    const std::size_t n = static_cast<std::size_t>(rows * cols);
    if (nativeFloat32(a) && (a.fortran || rows == 1 || cols == 1)) {
        // Fortran order is Eigen's column-major order (and a vector is the same in both).
        std::memcpy(m.data(), a.data.data(), n * sizeof(float));
    } else if (nativeFloat32(a)) {
        Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rowMajor(rows, cols);
        std::memcpy(rowMajor.data(), a.data.data(), n * sizeof(float));
        m = rowMajor;
    } else {
        for (Eigen::Index r = 0; r < rows; ++r)
            for (Eigen::Index c = 0; c < cols; ++c)
                m(r, c) = elementAsFloat(a, a.fortran ? r + c * rows : r * cols + c);
    }
    return m;
}

Eigen::VectorXf toVector(const ArrayData &a)
{
    return toMatrix(a, static_cast<Eigen::Index>(a.elements), 1);
}

} // namespace folkrnn::pickle

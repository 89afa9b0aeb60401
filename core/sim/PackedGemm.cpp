#include "core/sim/PackedGemm.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace folkrnn {

namespace {

using Index = Eigen::Index;

constexpr Index kNr = PackedMatrix::kPanelCols;
// Rows of A per micro-kernel call: 6 rows × 8 columns are 12 AVX2 accumulators, leaving registers
// for two B vectors and one broadcast of A (16 in all).
constexpr Index kMr = 6;
// Depth of one pass: a B panel slice (kKc × 8 doubles, 16 KiB) stays in L1 while every A panel
// of the batch (rows × kKc, ~130 KiB for 64 tunes) streams from L2 past it.
constexpr Index kKc = 256;

// Packs A's rows [0, rows) into panels of kMr rows: panel i holds, for each k, the kMr values
// A[i·kMr + r, k] one after the other (rows past the end are zero).
void packA(std::initializer_list<RowBlock> a, Index rows, Index depth, std::vector<double> &out)
{
    const Index panels = (rows + kMr - 1) / kMr;
    out.resize(static_cast<std::size_t>(panels * depth * kMr));
    double *dst = out.data();
    for (Index p = 0; p < panels; ++p) {
        for (const RowBlock &blk : a) {
            for (Index k = 0; k < blk.cols; ++k) {
                for (Index r = 0; r < kMr; ++r) {
                    const Index row = p * kMr + r;
                    *dst++ = row < rows ? blk.data[row * blk.stride + k] : 0.0;
                }
            }
        }
    }
}

void kernelPortable(Index kc, const double *a, const float *b, double *c, Index ldc)
{
    for (Index r = 0; r < kMr; ++r)
        for (Index j = 0; j < kNr; ++j) {
            double s = c[r * ldc + j];
            for (Index k = 0; k < kc; ++k)
                s = std::fma(a[k * kMr + r], double(b[k * kNr + j]), s);
            c[r * ldc + j] = s;
        }
}

#if defined(__x86_64__) && defined(__GNUC__)
// C[6 × 8] += A panel · B panel over kc: each c element is one fused multiply-add chain in k order,
// the same order as kernelPortable.
__attribute__((target("avx2,fma"))) void kernelAvx2(Index kc, const double *a, const float *b, double *c, Index ldc)
{
    __m256d c00 = _mm256_loadu_pd(c), c01 = _mm256_loadu_pd(c + 4);
    __m256d c10 = _mm256_loadu_pd(c + ldc), c11 = _mm256_loadu_pd(c + ldc + 4);
    __m256d c20 = _mm256_loadu_pd(c + 2 * ldc), c21 = _mm256_loadu_pd(c + 2 * ldc + 4);
    __m256d c30 = _mm256_loadu_pd(c + 3 * ldc), c31 = _mm256_loadu_pd(c + 3 * ldc + 4);
    __m256d c40 = _mm256_loadu_pd(c + 4 * ldc), c41 = _mm256_loadu_pd(c + 4 * ldc + 4);
    __m256d c50 = _mm256_loadu_pd(c + 5 * ldc), c51 = _mm256_loadu_pd(c + 5 * ldc + 4);
#pragma GCC unroll 4
    for (Index k = 0; k < kc; ++k) {
        const __m256d b0 = _mm256_cvtps_pd(_mm_load_ps(b)), b1 = _mm256_cvtps_pd(_mm_load_ps(b + 4));
        __m256d x = _mm256_broadcast_sd(a);
        c00 = _mm256_fmadd_pd(x, b0, c00);
        c01 = _mm256_fmadd_pd(x, b1, c01);
        x = _mm256_broadcast_sd(a + 1);
        c10 = _mm256_fmadd_pd(x, b0, c10);
        c11 = _mm256_fmadd_pd(x, b1, c11);
        x = _mm256_broadcast_sd(a + 2);
        c20 = _mm256_fmadd_pd(x, b0, c20);
        c21 = _mm256_fmadd_pd(x, b1, c21);
        x = _mm256_broadcast_sd(a + 3);
        c30 = _mm256_fmadd_pd(x, b0, c30);
        c31 = _mm256_fmadd_pd(x, b1, c31);
        x = _mm256_broadcast_sd(a + 4);
        c40 = _mm256_fmadd_pd(x, b0, c40);
        c41 = _mm256_fmadd_pd(x, b1, c41);
        x = _mm256_broadcast_sd(a + 5);
        c50 = _mm256_fmadd_pd(x, b0, c50);
        c51 = _mm256_fmadd_pd(x, b1, c51);
        a += kMr;
        b += kNr;
    }
    _mm256_storeu_pd(c, c00);
    _mm256_storeu_pd(c + 4, c01);
    _mm256_storeu_pd(c + ldc, c10);
    _mm256_storeu_pd(c + ldc + 4, c11);
    _mm256_storeu_pd(c + 2 * ldc, c20);
    _mm256_storeu_pd(c + 2 * ldc + 4, c21);
    _mm256_storeu_pd(c + 3 * ldc, c30);
    _mm256_storeu_pd(c + 3 * ldc + 4, c31);
    _mm256_storeu_pd(c + 4 * ldc, c40);
    _mm256_storeu_pd(c + 4 * ldc + 4, c41);
    _mm256_storeu_pd(c + 5 * ldc, c50);
    _mm256_storeu_pd(c + 5 * ldc + 4, c51);
}

bool haveAvx2()
{
    static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return yes;
}
#endif

using Kernel = void (*)(Index, const double *, const float *, double *, Index);

Kernel kernel()
{
#if defined(__x86_64__) && defined(__GNUC__)
    if (haveAvx2())
        return kernelAvx2;
#endif
    return kernelPortable;
}

} // namespace

PackedMatrix::PackedMatrix(const Eigen::Ref<const Eigen::MatrixXf> &B) : rows_(B.rows()), cols_(B.cols())
{
    data_.assign(static_cast<std::size_t>(panels() * rows_ * kNr), 0.0f);
    for (Index p = 0; p < panels(); ++p) {
        float *dst = data_.data() + p * rows_ * kNr;
        const Index width = std::min(kNr, cols_ - p * kNr);
        for (Index k = 0; k < rows_; ++k)
            for (Index j = 0; j < width; ++j)
                dst[k * kNr + j] = B(k, p * kNr + j);
    }
}

void gemmPacked(std::initializer_list<RowBlock> a, Index rows, const PackedMatrix &b, double *c, Index ldc,
                GemmScratch &scratch)
{
    Index depth = 0;
    for (const RowBlock &blk : a)
        depth += blk.cols;
    if (depth != b.rows())
        throw std::invalid_argument("gemmPacked: A's columns do not match B's rows");
    if (rows <= 0 || b.cols() == 0)
        return;
    packA(a, rows, depth, scratch.packedA);
    const Kernel run = kernel();
    const Index aPanels = (rows + kMr - 1) / kMr;
    alignas(32) double tile[kMr * kNr];
    for (Index pc = 0; pc < depth; pc += kKc) {
        const Index kc = std::min(kKc, depth - pc);
        for (Index jp = 0; jp < b.panels(); ++jp) {
            const float *bp = b.panel(jp) + pc * kNr;
            const Index col = jp * kNr;
            const Index width = std::min(kNr, b.cols() - col);
            for (Index ip = 0; ip < aPanels; ++ip) {
                const double *ap = scratch.packedA.data() + (ip * depth + pc) * kMr;
                const Index row = ip * kMr;
                const Index height = std::min(kMr, rows - row);
                double *cp = c + row * ldc + col;
                if (height == kMr && width == kNr) {
                    run(kc, ap, bp, cp, ldc);
                    continue;
                }
                // An edge tile: through a full-size copy, so the kernel never reads or writes
                // past C.
                std::fill(std::begin(tile), std::end(tile), 0.0);
                for (Index r = 0; r < height; ++r)
                    std::copy_n(cp + r * ldc, width, tile + r * kNr);
                run(kc, ap, bp, tile, kNr);
                for (Index r = 0; r < height; ++r)
                    std::copy_n(tile + r * kNr, width, cp + r * ldc);
            }
        }
    }
}

} // namespace folkrnn

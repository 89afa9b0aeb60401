#include "core/sim/LstmStep.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace folkrnn {

namespace {

// The sum of one row of a group, in the vector kernel's order, for machines without it: lane j
// (j = 0..7) is a fused multiply-add chain over the columns k = j (mod 8); the lanes are reduced
// as ((l0 + l4) + (l2 + l6)) + ((l1 + l5) + (l3 + l7)); the last n mod 8 columns follow one by one.
// The same bits as accumulateGroup, so a run does not depend on the machine's vector unit.
double groupRowPortable(const float *g, Eigen::Index i, Eigen::Index n, const double *x)
{
    const Eigen::Index n8 = n - n % 8, t = n - n8;
    double lane[8] = {};
    for (Eigen::Index k = 0; k < n8; k += 8)
        for (int j = 0; j < 8; ++j)
            lane[j] = std::fma(double(g[4 * k + 8 * i + j]), x[k + j], lane[j]);
    double s = ((lane[0] + lane[4]) + (lane[2] + lane[6])) + ((lane[1] + lane[5]) + (lane[3] + lane[7]));
    const float *tail = g + 4 * n8 + i * t;
    for (Eigen::Index j = 0; j < t; ++j)
        s = std::fma(double(tail[j]), x[n8 + j], s);
    return s;
}

#if defined(__x86_64__) && defined(__GNUC__)
#define FOLKRNN_HAVE_AVX2_KERNEL 1

__attribute__((target("avx2,fma"))) inline double horizontalSum(__m256d v)
{
    const __m128d lo = _mm256_castpd256_pd128(v);
    const __m128d hi = _mm256_extractf128_pd(v, 1);
    const __m128d s = _mm_add_pd(lo, hi);
    return _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)));
}

// Four rows at a time (one group of a RowGroups matrix, read as one stream), two accumulators per
// row: eight independent FMA chains hide the FMA latency, and each x load serves four rows.
// Weights are widened float32 -> float64 in registers, so the weights stay half the size in cache
// while the sums are exact doubles. Lane j of a row's two accumulators sums the columns
// k = j (mod 8) in k order; the columns past the last multiple of 8 follow after the reduction.
__attribute__((target("avx2,fma"))) inline void accumulateGroup(const float *g, Eigen::Index n, const double *x,
                                                                 double *sums)
{
    const Eigen::Index n8 = n - n % 8;
    __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
    const float *w = g;
    for (Eigen::Index k = 0; k < n8; k += 8, w += 32) {
        const __m256d xa = _mm256_loadu_pd(x + k);
        const __m256d xb = _mm256_loadu_pd(x + k + 4);
        a0 = _mm256_fmadd_pd(_mm256_cvtps_pd(_mm_load_ps(w)), xa, a0);
        b0 = _mm256_fmadd_pd(_mm256_cvtps_pd(_mm_load_ps(w + 4)), xb, b0);
        a1 = _mm256_fmadd_pd(_mm256_cvtps_pd(_mm_load_ps(w + 8)), xa, a1);
        b1 = _mm256_fmadd_pd(_mm256_cvtps_pd(_mm_load_ps(w + 12)), xb, b1);
        a2 = _mm256_fmadd_pd(_mm256_cvtps_pd(_mm_load_ps(w + 16)), xa, a2);
        b2 = _mm256_fmadd_pd(_mm256_cvtps_pd(_mm_load_ps(w + 20)), xb, b2);
        a3 = _mm256_fmadd_pd(_mm256_cvtps_pd(_mm_load_ps(w + 24)), xa, a3);
        b3 = _mm256_fmadd_pd(_mm256_cvtps_pd(_mm_load_ps(w + 28)), xb, b3);
    }
    double s0 = horizontalSum(_mm256_add_pd(a0, b0)), s1 = horizontalSum(_mm256_add_pd(a1, b1));
    double s2 = horizontalSum(_mm256_add_pd(a2, b2)), s3 = horizontalSum(_mm256_add_pd(a3, b3));
    const Eigen::Index t = n - n8;
    for (Eigen::Index j = 0; j < t; ++j) {
        s0 = std::fma(double(w[j]), x[n8 + j], s0);
        s1 = std::fma(double(w[t + j]), x[n8 + j], s1);
        s2 = std::fma(double(w[2 * t + j]), x[n8 + j], s2);
        s3 = std::fma(double(w[3 * t + j]), x[n8 + j], s3);
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
}

__attribute__((target("avx2,fma"))) void accumulateGroupsAvx2(const RowGroups &W, Eigen::Index first,
                                                               Eigen::Index rows, const double *x, double *out)
{
    for (Eigen::Index r = 0; r < rows; r += RowGroups::kRows) {
        double sums[4];
        accumulateGroup(W.group(first + r), W.cols(), x, sums);
        for (Eigen::Index k = 0; k < std::min<Eigen::Index>(4, rows - r); ++k)
            out[r + k] += sums[k];
    }
}

bool cpuHasAvx2()
{
    static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return has;
}
#endif

} // namespace

void accumulateGroups(const RowGroups &W, Eigen::Index first, Eigen::Index rows,
                      const Eigen::Ref<const Eigen::VectorXd> &x, Eigen::Ref<Eigen::VectorXd> out)
{
    if (first % RowGroups::kRows != 0 || first < 0 || first + rows > W.rows() || x.size() != W.cols())
        throw std::invalid_argument("accumulateGroups: rows not on a group boundary, or sizes differ");
#ifdef FOLKRNN_HAVE_AVX2_KERNEL
    if (cpuHasAvx2())
        return accumulateGroupsAvx2(W, first, rows, x.data(), out.data());
#endif
    for (Eigen::Index r = 0; r < rows; ++r)
        out[r] += groupRowPortable(W.group(first + r - (first + r) % RowGroups::kRows), (first + r) % RowGroups::kRows,
                                   W.cols(), x.data());
}

void lstmPreactivationUnits(const FusedLayer &layer, int inputRow, const Eigen::Ref<const Eigen::VectorXd> &xh,
                            Eigen::Ref<Eigen::VectorXd> zu, Eigen::Index begin, Eigen::Index end)
{
    const Eigen::Index first = 4 * begin, rows = 4 * (end - begin);
    auto part = zu.segment(first, rows);
    part = layer.bias.segment(first, rows);
    if (layer.oneHotInput)
        part += layer.inputRows.row(inputRow).segment(first, rows).transpose().cast<double>();
    accumulateGroups(layer.unitRows, first, rows, xh, part);
}

void denseRows(const FusedWeights &w, const Eigen::Ref<const Eigen::VectorXd> &h, Eigen::Ref<Eigen::VectorXd> logits,
               Eigen::Index begin, Eigen::Index end)
{
    const Eigen::Index n = end - begin;
    logits.segment(begin, n) = w.denseB.segment(begin, n);
    accumulateGroups(w.denseT, begin, n, h, logits.segment(begin, n));
}

namespace {
inline double sigmoid(double v) { return 1.0 / (1.0 + std::exp(-v)); }

#ifdef FOLKRNN_HAVE_AVX2_KERNEL
// glibc's vector math library (libmvec), AVX2 variants: four doubles per call, within 4 ulp of
// exp and tanh. Five transcendental functions per unit were a quarter of a batched step.
extern "C" __attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_exp(__m256d);
extern "C" __attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_tanh(__m256d);

__attribute__((target("avx2,fma"))) inline __m256d sigmoid4(const double *v)
{
    const __m256d one = _mm256_set1_pd(1.0);
    return _mm256_div_pd(one, _mm256_add_pd(one, _ZGVdN4v_exp(_mm256_xor_pd(_mm256_load_pd(v), _mm256_set1_pd(-0.0)))));
}

// The gates of `count` units, four at a time; unit k's gate g pre-activation is
// pre[k·unitStride + g·gateStride], its activated gate goes to gates[k + g·gateOutStride]. Lanes
// never mix, and a last group of 1-3 units is padded, so a unit gets the same bits in any group:
// a step split between cores stays bit-identical.
__attribute__((target("avx2,fma"))) void unitsAvx2(const double *pre, Eigen::Index unitStride, Eigen::Index gateStride,
                                                    double *gates, Eigen::Index gateOutStride, double *c, double *h,
                                                    Eigen::Index count)
{
    for (Eigen::Index k0 = 0; k0 < count; k0 += 4) {
        const int n = static_cast<int>(std::min<Eigen::Index>(4, count - k0));
        alignas(32) double z[4][4] = {}, cv[4] = {}, out[6][4];
        for (int lane = 0; lane < n; ++lane) {
            for (int g = 0; g < 4; ++g)
                z[g][lane] = pre[(k0 + lane) * unitStride + g * gateStride];
            cv[lane] = c[k0 + lane];
        }
        const __m256d i = sigmoid4(z[0]), f = sigmoid4(z[1]), g = _ZGVdN4v_tanh(_mm256_load_pd(z[2])),
                      o = sigmoid4(z[3]);
        const __m256d cNew = _mm256_add_pd(_mm256_mul_pd(f, _mm256_load_pd(cv)), _mm256_mul_pd(i, g));
        _mm256_store_pd(out[0], i);
        _mm256_store_pd(out[1], f);
        _mm256_store_pd(out[2], g);
        _mm256_store_pd(out[3], o);
        _mm256_store_pd(out[4], cNew);
        _mm256_store_pd(out[5], _mm256_mul_pd(o, _ZGVdN4v_tanh(cNew)));
        for (int lane = 0; lane < n; ++lane) {
            for (int gate = 0; gate < 4; ++gate)
                gates[k0 + lane + gate * gateOutStride] = out[gate][lane];
            c[k0 + lane] = out[4][lane];
            h[k0 + lane] = out[5][lane];
        }
    }
}
#endif

// One unit's gates and state from its four pre-activations; i, f, g, o are written to `gates`
// (which may alias `pre`: each value is read before its slot is written).
inline void unitStep(const double *pre, Eigen::Index stride, double *gates, Eigen::Index gateStride, double &c, double &h)
{
    const double i = sigmoid(pre[0]), f = sigmoid(pre[stride]), g = std::tanh(pre[2 * stride]),
                 o = sigmoid(pre[3 * stride]);
    gates[0] = i;
    gates[gateStride] = f;
    gates[2 * gateStride] = g;
    gates[3 * gateStride] = o;
    c = f * c + i * g;
    h = o * std::tanh(c);
}
} // namespace

void lstmLayerUnits(const FusedLayer &layer, int inputRow, const Eigen::Ref<const Eigen::VectorXd> &xh,
                    Eigen::Ref<Eigen::VectorXd> zu, Eigen::Ref<Eigen::VectorXd> z, Eigen::Ref<Eigen::VectorXd> c,
                    Eigen::Ref<Eigen::VectorXd> hOut, Eigen::Index begin, Eigen::Index end)
{
    lstmPreactivationUnits(layer, inputRow, xh, zu, begin, end);
    lstmGatesUnits(zu, z, c, hOut, begin, end);
}

void lstmGatesUnits(const Eigen::Ref<const Eigen::VectorXd> &zu, Eigen::Ref<Eigen::VectorXd> z,
                    Eigen::Ref<Eigen::VectorXd> c, Eigen::Ref<Eigen::VectorXd> h, Eigen::Index begin, Eigen::Index end)
{
    const Eigen::Index H = c.size();
#ifdef FOLKRNN_HAVE_AVX2_KERNEL
    if (cpuHasAvx2())
        return unitsAvx2(zu.data() + 4 * begin, 4, 1, z.data() + begin, H, c.data() + begin, h.data() + begin, end - begin);
#endif
    for (Eigen::Index k = begin; k < end; ++k)
        unitStep(zu.data() + 4 * k, 1, z.data() + k, H, c[k], h[k]);
}

void lstmGates(Eigen::Ref<Eigen::VectorXd> z, Eigen::Ref<Eigen::VectorXd> c, Eigen::Ref<Eigen::VectorXd> h)
{
    const Eigen::Index H = c.size();
#ifdef FOLKRNN_HAVE_AVX2_KERNEL
    if (cpuHasAvx2())
        return unitsAvx2(z.data(), 1, H, z.data(), H, c.data(), h.data(), H);
#endif
    for (Eigen::Index k = 0; k < H; ++k)
        unitStep(z.data() + k, H, z.data() + k, H, c[k], h[k]);
}

void lstmOutput(const Eigen::Ref<const Eigen::VectorXd> &o, const Eigen::Ref<const Eigen::VectorXd> &c,
                Eigen::Ref<Eigen::VectorXd> h)
{
    for (Eigen::Index k = 0; k < c.size(); ++k)
        h[k] = o[k] * std::tanh(c[k]);
}

void softmaxOutput(const FusedWeights &w, const Eigen::Ref<const Eigen::VectorXd> &h, double temperature,
                   Eigen::Ref<Eigen::VectorXd> logits, Eigen::Ref<Eigen::VectorXd> logProbs,
                   Eigen::Ref<Eigen::VectorXd> probs)
{
    denseRows(w, h, logits, 0, logits.size());
    softmaxFromLogits(logits, temperature, logProbs, probs);
}

void softmaxFromLogits(const Eigen::Ref<const Eigen::VectorXd> &logits, double temperature,
                       Eigen::Ref<Eigen::VectorXd> logProbs, Eigen::Ref<Eigen::VectorXd> probs)
{
    // p = softmax(logits / T), computed as exp(s - max s) / Σ exp(s - max s) with s = logits / T.
    const double inv = 1.0 / temperature;
    const double m = logits.maxCoeff() * inv;
    double sum = 0.0;
    for (Eigen::Index k = 0; k < logits.size(); ++k) {
        const double e = std::exp(logits[k] * inv - m);
        probs[k] = e;
        sum += e;
    }
    const double logSum = std::log(sum);
    for (Eigen::Index k = 0; k < logits.size(); ++k) {
        probs[k] /= sum;
        logProbs[k] = logits[k] * inv - m - logSum;
    }
}

} // namespace folkrnn

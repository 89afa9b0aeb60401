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

__attribute__((target("avx2,fma"))) inline __m256d sigmoid4(__m256d v)
{
    const __m256d one = _mm256_set1_pd(1.0);
    return _mm256_div_pd(one, _mm256_add_pd(one, _ZGVdN4v_exp(_mm256_xor_pd(v, _mm256_set1_pd(-0.0)))));
}

// Four units' gates and state from their pre-activations z[gate] (a lane per unit) and c_{t-1}:
// out = i, f, g, o, c_t, h_t.
__attribute__((target("avx2,fma"))) inline void unitLanes(const __m256d z[4], __m256d c, __m256d out[6])
{
    const __m256d i = sigmoid4(z[0]), f = sigmoid4(z[1]), g = _ZGVdN4v_tanh(z[2]), o = sigmoid4(z[3]);
    const __m256d cNew = _mm256_add_pd(_mm256_mul_pd(f, c), _mm256_mul_pd(i, g));
    out[0] = i;
    out[1] = f;
    out[2] = g;
    out[3] = o;
    out[4] = cNew;
    out[5] = _mm256_mul_pd(o, _ZGVdN4v_tanh(cNew));
}

// The four gates of four consecutive units stored unit-major (16 doubles, a unit's i f g o
// together), as one vector per gate: a 4x4 transpose in registers.
__attribute__((target("avx2,fma"))) inline void gatesOfUnits(const double *pre, __m256d z[4])
{
    const __m256d r0 = _mm256_loadu_pd(pre), r1 = _mm256_loadu_pd(pre + 4), r2 = _mm256_loadu_pd(pre + 8),
                  r3 = _mm256_loadu_pd(pre + 12);
    const __m256d t0 = _mm256_unpacklo_pd(r0, r1), t1 = _mm256_unpackhi_pd(r0, r1);
    const __m256d t2 = _mm256_unpacklo_pd(r2, r3), t3 = _mm256_unpackhi_pd(r2, r3);
    z[0] = _mm256_permute2f128_pd(t0, t2, 0x20);
    z[1] = _mm256_permute2f128_pd(t1, t3, 0x20);
    z[2] = _mm256_permute2f128_pd(t0, t2, 0x31);
    z[3] = _mm256_permute2f128_pd(t1, t3, 0x31);
}

// The gates of `count` units, four at a time; unit k's gate g pre-activation is
// pre[k·unitStride + g·gateStride] (unit-major: 4, 1; gate-major: 1, H), its activated gate goes to
// gates[k + g·gateOutStride]. Lanes never mix, and a last group of 1-3 units is padded, so a unit
// gets the same bits in any group: a step split between cores stays bit-identical. `gates` may be
// `pre` (gate-major, in place): a group's values are all read before any is written.
__attribute__((target("avx2,fma"))) void unitsAvx2(const double *pre, Eigen::Index unitStride, Eigen::Index gateStride,
                                                    double *gates, Eigen::Index gateOutStride, double *c, double *h,
                                                    Eigen::Index count)
{
    const bool unitMajor = unitStride == 4 && gateStride == 1;
    const Eigen::Index full = unitMajor || unitStride == 1 ? count - count % 4 : 0;
    __m256d z[4], out[6];
    for (Eigen::Index k0 = 0; k0 < full; k0 += 4) {
        if (unitMajor)
            gatesOfUnits(pre + 4 * k0, z);
        else
            for (int g = 0; g < 4; ++g)
                z[g] = _mm256_loadu_pd(pre + k0 + g * gateStride);
        unitLanes(z, _mm256_loadu_pd(c + k0), out);
        for (int g = 0; g < 4; ++g)
            _mm256_storeu_pd(gates + k0 + g * gateOutStride, out[g]);
        _mm256_storeu_pd(c + k0, out[4]);
        _mm256_storeu_pd(h + k0, out[5]);
    }
    for (Eigen::Index k0 = full; k0 < count; k0 += 4) {
        const int n = static_cast<int>(std::min<Eigen::Index>(4, count - k0));
        alignas(32) double zl[4][4] = {}, cv[4] = {}, ol[6][4];
        for (int lane = 0; lane < n; ++lane) {
            for (int g = 0; g < 4; ++g)
                zl[g][lane] = pre[(k0 + lane) * unitStride + g * gateStride];
            cv[lane] = c[k0 + lane];
        }
        for (int g = 0; g < 4; ++g)
            z[g] = _mm256_load_pd(zl[g]);
        unitLanes(z, _mm256_load_pd(cv), out);
        for (int k = 0; k < 6; ++k)
            _mm256_store_pd(ol[k], out[k]);
        for (int lane = 0; lane < n; ++lane) {
            for (int gate = 0; gate < 4; ++gate)
                gates[k0 + lane + gate * gateOutStride] = ol[gate][lane];
            c[k0 + lane] = ol[4][lane];
            h[k0 + lane] = ol[5][lane];
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

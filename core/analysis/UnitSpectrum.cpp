#include "core/analysis/UnitSpectrum.h"

#include <unsupported/Eigen/FFT>

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <stdexcept>
#include <vector>

namespace folkrnn::analysis {

int effectiveFftLength(int steps, int requested)
{
    if (requested < 2 || requested > (1 << 20))
        throw std::invalid_argument("FFT length must be between 2 and 1048576 (got " + std::to_string(requested) + ")");
    if (steps <= requested)
        return requested;
    int n = 1;
    while (n < steps)
        n <<= 1;
    return n;
}

UnitSpectra unitSpectra(const SignalRef &x, const SpectrumSettings &settings)
{
    const int T = static_cast<int>(x.rows());
    const int H = static_cast<int>(x.cols());
    const int N = effectiveFftLength(T, settings.fftLength);
    const int F = N / 2 + 1;
    constexpr float nan = std::numeric_limits<float>::quiet_NaN();

    UnitSpectra out;
    out.fftLength = N;
    out.floorDb = settings.floorDb;
    out.db.resize(H, F);
    out.strongestPeriod.resize(H);

    // One plan and the buffers for all units, allocated here: the loops below allocate nothing.
    // Units are taken kBlock at a time so that reading the row-major [T, H] signal is contiguous.
    constexpr int kBlock = 16;
    Eigen::FFT<double> fft;
    fft.SetFlag(Eigen::FFT<double>::HalfSpectrum);
    Eigen::MatrixXd padded = Eigen::MatrixXd::Zero(N, kBlock); // column b: unit u0 + b, zero-padded
    std::vector<std::complex<double>> spectrum(static_cast<std::size_t>(F));
    Eigen::VectorXd power(F);

    for (int u0 = 0; u0 < H; u0 += kBlock) {
        const int width = std::min(kBlock, H - u0);
        for (int t = 0; t < T; ++t)
            padded.row(t).head(width) = x.row(t).segment(u0, width).cast<double>();
        // Rows T..N-1 stay zero: the zero padding.
        for (int b = 0; b < width; ++b) {
            const int u = u0 + b;
            if (settings.removeMean && T > 0)
                padded.col(b).head(T).array() -= padded.col(b).head(T).mean();

            // X_u[k] = sum_{t=0}^{N-1} x_t[u] e^{-2 pi i k t / N},  k = 0..N/2
            fft.fwd(spectrum.data(), padded.col(b).data(), N);
            for (int k = 0; k < F; ++k)
                power[k] = std::norm(spectrum[static_cast<std::size_t>(k)]); // |X_u[k]|^2

            // dB_u[k] = 20 log10(|X_u[k]| / max_j |X_u[j]|) = 10 log10(|X_u[k]|^2 / max_j |X_u[j]|^2)
            const double peak = power.maxCoeff();
            if (!(peak > 0.0)) {
                out.db.row(u).setConstant(nan);
                out.strongestPeriod[u] = nan;
                continue;
            }
            out.db.row(u) = ((power.array() / peak).log() * (10.0 / std::log(10.0))).cast<float>().transpose();

            // Strongest period, DC excluded: N / argmax_{k >= 1} |X_u[k]|.
            int best = -1;
            for (int k = 1; k < F; ++k)
                if (best < 0 || power[k] > power[best])
                    best = k;
            out.strongestPeriod[u] = (best > 0 && power[best] > 0.0) ? static_cast<float>(double(N) / best) : nan;
        }
    }
    return out;
}

} // namespace folkrnn::analysis

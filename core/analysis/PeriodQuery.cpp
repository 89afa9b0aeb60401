#include "core/analysis/PeriodQuery.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace folkrnn::analysis {

std::vector<int> binsForPeriod(const UnitSpectra &spectra, double period, double tolerance)
{
    if (!(period > 0.0) || !std::isfinite(period))
        throw std::invalid_argument("period must be a positive number of steps");
    if (!(tolerance >= 0.0))
        throw std::invalid_argument("period tolerance must not be negative");
    const int F = spectra.bins();
    const double N = spectra.fftLength;
    std::vector<int> bins;
    // Bin k has period N/k: |N/k - P| <= tol.
    for (int k = 1; k < F; ++k)
        if (std::abs(N / k - period) <= tolerance)
            bins.push_back(k);
    const int nearest = std::clamp(static_cast<int>(std::lround(N / period)), 1, std::max(1, F - 1));
    if (nearest < F && std::find(bins.begin(), bins.end(), nearest) == bins.end()) {
        bins.push_back(nearest);
        std::sort(bins.begin(), bins.end());
    }
    return bins;
}

std::vector<PeriodMatch> findUnitsByPeriod(const UnitSpectra &spectra, double period, double tolerance)
{
    const std::vector<int> bins = binsForPeriod(spectra, period, tolerance);
    std::vector<PeriodMatch> out;
    for (int u = 0; u < spectra.units(); ++u) {
        int best = -1;
        for (int k : bins)
            if (!spectra.hidden(u, k) && (best < 0 || spectra.db(u, k) > spectra.db(u, best)))
                best = k;
        if (best >= 0)
            out.push_back({u, spectra.db(u, best), spectra.periodOfBin(best)});
    }
    std::stable_sort(out.begin(), out.end(), [](const PeriodMatch &a, const PeriodMatch &b) { return a.peakDb > b.peakDb; });
    return out;
}

} // namespace folkrnn::analysis

#pragma once
#include "core/analysis/UnitSpectrum.h"

#include <vector>

// "Find units by period": part 5 of the posts sees "many units ... producing outputs with
// concentrations of harmonic energy around a fundamental period of 9 steps" — the bar line of a
// 4/4 tune in that notation. This query lists the units with visible energy near a period.
namespace folkrnn::analysis {

struct PeriodMatch {
    int unit = 0;
    float peakDb = 0;   // strongest bin of the band, dB relative to the unit's strongest bin
    double period = 0;  // that bin's period N/k in steps
};

// The bins k >= 1 whose period N/k lies within [period - tolerance, period + tolerance]; the bin
// nearest to N/period is always included, so a tolerance of 0 still asks one bin.
// Throws std::invalid_argument for period <= 0 or tolerance < 0.
std::vector<int> binsForPeriod(const UnitSpectra &spectra, double period, double tolerance);

// Units whose strongest bin in the band is not hidden (>= the floor), ranked by that bin's dB
// (highest first; ties: lower unit first).
std::vector<PeriodMatch> findUnitsByPeriod(const UnitSpectra &spectra, double period, double tolerance);

} // namespace folkrnn::analysis

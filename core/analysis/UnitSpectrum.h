#pragma once
#include "core/analysis/Arrays.h"

// Part 5 of the posts: "Zero-padding each sequence to be length 512, taking their DFT, and
// computing the magnitude in dB (with reference to the maximum magnitude of each unit) ... I'm
// cutting out all values with less energy than -6 dB (in each column)". Each unit's signal over
// the steps of a run is one real sequence; its real-input half spectrum has N/2 + 1 bins, bin k
// being the component with period N/k steps.
namespace folkrnn::analysis {

struct SpectrumSettings {
    int fftLength = 512;   // zero-padded length N; a longer run uses the next power of two >= T
    double floorDb = -6.0; // components below this (relative to the unit's strongest) are hidden
    bool removeMean = false; // subtract each unit's mean first (the posts do not; DC then vanishes)
};

struct UnitSpectra {
    int fftLength = 0;  // N actually used
    double floorDb = 0; // the settings' floor, for hidden()
    // [H, N/2 + 1]: 20 log10(|X_u[k]| / max_j |X_u[j]|), <= 0; -inf for an exactly zero bin, NaN
    // on every bin of a unit whose spectrum is zero (a unit that is 0 at every step).
    RowMatrixXf db;
    // [H] N / argmax_{k >= 1} |X_u[k]| in steps (DC excluded; the first of equal maxima); NaN for
    // a zero unit or a spectrum with no bin but DC.
    Eigen::VectorXf strongestPeriod;

    int units() const { return static_cast<int>(db.rows()); }
    int bins() const { return static_cast<int>(db.cols()); }
    double periodOfBin(int k) const { return k > 0 ? double(fftLength) / double(k) : 0.0; }
    // Below the floor, or undefined: views leave it blank.
    bool hidden(int unit, int bin) const { return !(double(db(unit, bin)) >= floorDb); }
};

// The N used for a run of `steps` steps: max(requested, next power of two >= steps). Throws
// std::invalid_argument for requested < 2 or above 1 << 20.
int effectiveFftLength(int steps, int requested);

UnitSpectra unitSpectra(const SignalRef &x, const SpectrumSettings &settings = {});

} // namespace folkrnn::analysis

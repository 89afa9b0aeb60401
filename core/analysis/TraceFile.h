#pragma once
#include "core/analysis/UnitSpectrum.h"
#include "core/model/Model.h"
#include "core/sim/Run.h"

#include <cstdint>
#include <string>
#include <vector>

// The trace file (HDF5, TRACE-FORMAT.md beside this file): a recorded Run with the analyses a
// batch user wants without the GUI. Written by `folkrnn-cli trace`; readable back into a Run so
// that sessions and tests can reuse it.
namespace folkrnn::analysis {

inline constexpr long long kTraceFormatVersion = 1;

struct TraceInfo {
    std::string mode = "sampled"; // "sampled" or "teacher-forced"
    std::uint32_t seed = 0;
    double temperature = 1.0;
    std::vector<int> prime;
    std::string modelName;
    std::string modelSource;
};

struct TraceOptions {
    bool analyses = true; // /spectra and /weights (need a Run with signals for /spectra)
    bool compress = true; // deflate the [T, *] arrays
    SpectrumSettings spectrum;
};

// Writes atomically (a reader sees the old file or the complete new one). Throws InputError
// naming `path` when it cannot be written.
void writeTraceFile(const std::string &path, const Run &run, const Model &model, const TraceInfo &info,
                    const TraceOptions &options = {});

struct Trace {
    Run run;
    TraceInfo info;
};

// Throws InputError naming `path` for a missing, damaged or inconsistent file or another version.
Trace readTraceFile(const std::string &path);

} // namespace folkrnn::analysis

#pragma once
#include "Bindings.h"

namespace folkrnn::python {

// The sampler's settings from Python's arguments; ValueError for values outside what the CLI
// accepts (seed 0..2^32-1, max_length 1..kMaxSteps; temperature is checked by the Generator).
GenerationSettings samplingSettings(const Model &model, long long seed, double temperature, const py::handle &prime,
                                    long long maxLength);
// Teacher-forced over `tune` (token text or tokens), all of it: max_length is its length.
GenerationSettings forcedSettings(const Model &model, const py::handle &tune);

// Marks a GeneratorHandle busy for the length of a call (see GeneratorHandle::busy).
class BusyGuard {
public:
    explicit BusyGuard(GeneratorHandle &h);
    ~BusyGuard() { h_.busy = false; }
    BusyGuard(const BusyGuard &) = delete;
    BusyGuard &operator=(const BusyGuard &) = delete;

private:
    GeneratorHandle &h_;
};

} // namespace folkrnn::python

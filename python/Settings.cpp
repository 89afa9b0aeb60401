#include "Settings.h"

#include <cstdint>

namespace folkrnn::python {

GenerationSettings samplingSettings(const Model &model, long long seed, double temperature, const py::handle &prime,
                                    long long maxLength)
{
    if (seed < 0 || seed > static_cast<long long>(UINT32_MAX))
        throw py::value_error("seed: must be between 0 and 4294967295 (got " + std::to_string(seed) + ")");
    if (maxLength < 1 || maxLength > kMaxSteps)
        throw py::value_error("max_length: must be between 1 and " + std::to_string(kMaxSteps) + " steps (got " +
                              std::to_string(maxLength) + ")");
    GenerationSettings s;
    s.seed = static_cast<std::uint32_t>(seed);
    s.temperature = temperature;
    s.maxLength = static_cast<int>(maxLength);
    s.prime = tokenIds(model, prime, "prime");
    validateSettings(s, model);
    return s;
}

GenerationSettings forcedSettings(const Model &model, const py::handle &tune)
{
    GenerationSettings s;
    s.forcedTune = tokenIds(model, tune, "tune");
    if (s.forcedTune.empty())
        throw py::value_error("tune: give at least one token");
    if (s.forcedTune.size() > static_cast<std::size_t>(kMaxSteps))
        throw py::value_error("tune: has " + std::to_string(s.forcedTune.size()) + " tokens; at most " +
                              std::to_string(kMaxSteps) + " can be traced");
    s.maxLength = static_cast<int>(s.forcedTune.size());
    validateSettings(s, model);
    return s;
}

BusyGuard::BusyGuard(GeneratorHandle &h) : h_(h)
{
    if (h_.busy)
        throw std::runtime_error("this Generator is running in another thread; wait for that call to return");
    h_.busy = true;
}

} // namespace folkrnn::python

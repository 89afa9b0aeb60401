#include "core/audio/StepTime.h"

#include <algorithm>

namespace folkrnn::audio {

int stepAtTime(const Performance &p, double quarters)
{
    const auto &tl = p.timeline;
    if (tl.empty())
        return -1;
    // The last entry starting at or before the time.
    auto it = std::upper_bound(tl.begin(), tl.end(), quarters,
                               [](double t, const TimedStep &s) { return t < s.onset.value(); });
    if (it == tl.begin())
        return tl.front().token;
    return std::prev(it)->token;
}

std::vector<Rational> timesOfStep(const Performance &p, int token)
{
    if (token < 0 || static_cast<std::size_t>(token) >= p.tokenTimes.size())
        return {};
    return p.tokenTimes[static_cast<std::size_t>(token)];
}

Rational startTimeOfStep(const Performance &p, int token)
{
    for (std::size_t t = static_cast<std::size_t>(std::max(token, 0)); t < p.tokenTimes.size(); ++t)
        if (!p.tokenTimes[t].empty())
            return p.tokenTimes[t].front();
    return p.duration;
}

TimeSpan spanOfSteps(const Performance &p, int first, int last)
{
    TimeSpan span;
    span.begin = span.end = startTimeOfStep(p, first);
    const auto &tl = p.timeline;
    auto it = std::lower_bound(tl.begin(), tl.end(), span.begin,
                               [](const TimedStep &s, Rational t) { return s.onset < t; });
    for (; it != tl.end() && it->token >= first && it->token <= last; ++it)
        span.end = it->onset + it->length;
    return span;
}

} // namespace folkrnn::audio

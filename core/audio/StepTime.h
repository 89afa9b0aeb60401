#pragma once
#include "core/audio/NoteEvents.h"

#include <vector>

// Playback time <-> step (token index) for a Performance, in quarter notes. A token of a
// repeated passage is played once per pass, so a step maps to several times; a time maps to one
// step: the note, chord or rest sounding then.
namespace folkrnn::audio {

// The step sounding at `quarters`: the timeline entry whose span holds it (the first entry
// before the music, the last one after it); -1 for a performance with no notes or rests.
int stepAtTime(const Performance &p, double quarters);

// Every time (quarters) step `token` is played, in order; empty when it is never played (a token
// the ABC cannot place, <s>, </s>, a step past the tune).
std::vector<Rational> timesOfStep(const Performance &p, int token);

// Where "play from this step" starts: the first time `token` is played, or, for a token never
// played, the first time a later token is; the performance's end when none is.
Rational startTimeOfStep(const Performance &p, int token);

// The span [begin, end) that plays steps first..last once (their first pass): from
// startTimeOfStep(first) through the notes and rests that follow while their steps stay in
// first..last. Empty (begin == end) when none of those steps sounds.
struct TimeSpan {
    Rational begin{0};
    Rational end{0};
};
TimeSpan spanOfSteps(const Performance &p, int first, int last);

} // namespace folkrnn::audio

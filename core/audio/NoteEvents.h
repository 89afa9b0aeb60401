#pragma once
#include "core/abc/Pitch.h"
#include "core/abc/Rational.h"

#include <string>
#include <vector>

// A folk-rnn tune as it is played: timed notes, every token's time(s), meter and key marks.
// Times are exact, in quarter notes from the start of the performance (MIDI's beat); seconds
// come from a tempo (Tempo.h).
namespace folkrnn::audio {

using abc::Rational;

struct NoteEvent {
    int key = 60;          // MIDI key number (the ABC note "C", middle C, is 60)
    Rational onset{0};     // quarter notes
    Rational length{0};    // quarter notes, > 0
    int velocity = 80;     // MIDI velocity: first note of a bar 100, on a beat 90, else 80
    int token = -1;        // index of the pitch token that made it (the step that chose it)
};

// One played note, chord or rest: the span of time in which `token` is the sounding step.
struct TimedStep {
    Rational onset{0};
    Rational length{0};
    int token = -1;        // a note's pitch token, a chord's first pitch, a rest's "z"
};

struct MeterMark {
    Rational onset{0};
    int numerator = 4;
    int denominator = 4;
    int token = -1;
};

struct KeyMark {
    Rational onset{0};
    abc::Key key;
    int token = -1;
};

struct Performance {
    std::vector<NoteEvent> notes;    // by onset, then key; notes of one key never overlap
    std::vector<TimedStep> timeline; // in playing order, back to back from 0 to `duration`
    std::vector<std::vector<Rational>> tokenTimes; // per token: when it is played, once per pass
                                                   // (a token of a repeat twice); empty: never played
    std::vector<MeterMark> meters;   // the header meter first (4/4 when the tune has none)
    std::vector<KeyMark> keys;       // the header mode first (C major when the tune has none)
    Rational duration{0};            // quarter notes, to the end of the last note or rest

    int meterNumerator() const { return meters.empty() ? 4 : meters.front().numerator; }
    int meterDenominator() const { return meters.empty() ? 4 : meters.front().denominator; }
};

// Plays a token stream (a folk-rnn tune: meter, mode, body; a leading <s> and a trailing </s>
// allowed) into timed events. Notes are read as Score.h describes and repeats are played out as
// Repeats.h describes; tied notes become one event; when a note starts while the same key still
// sounds (a unison in a chord, a chord note held over the next note), the earlier one is cut
// there. Never throws: a stream with no music gives an empty performance.
Performance performTokens(const std::vector<std::string> &tokens);

} // namespace folkrnn::audio

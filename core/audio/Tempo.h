#pragma once
#include "core/abc/Rational.h"

#include <string>
#include <vector>

// Tempo and instrument settings of playback, shared by the MIDI writer, the synthesizer, the CLI
// and the player.
namespace folkrnn::audio {

using abc::Rational;

// The beat a tempo counts, in quarter notes: a dotted quarter in 6/8, 9/8, 12/8; a half note in
// 2/2 and 3/2; a quarter in 2/4, 3/4, 4/4; an eighth in other x/8 meters.
Rational beatQuarters(int numerator, int denominator);

// A moderate playing tempo for a meter, in beats (beatQuarters) per minute: reels (4/4, 2/2) and
// hornpipes at a quarter = 144, polkas (2/4) 132, waltzes (3/4) 120 and jigs, slip jigs and
// slides (6/8, 9/8, 12/8) at a dotted quarter = 100: brisk enough to sound like dance music,
// slow enough to follow the notes in the views.
double defaultTempo(int numerator, int denominator);

inline constexpr double kMinTempo = 10.0;
inline constexpr double kMaxTempo = 600.0;

// Seconds per quarter note at `bpm` beats of the meter per minute (a default tempo when bpm <= 0).
// A tune keeps one tempo, set by its header meter: a meter token inside the tune changes the
// bars, not the speed of the quarter note (as abc2midi plays it).
double secondsPerQuarter(int numerator, int denominator, double bpm);

// The General MIDI programs offered as instruments.
struct Instrument {
    const char *name; // "fiddle", "flute", ...
    int program;      // General MIDI program, 0-based (fiddle 40 = Violin)
};
const std::vector<Instrument> &instruments(); // piano 0 first: the default (see kDefaultProgram)

// Piano by default: its sharp attack marks where each note starts, which is what one listens for
// while following the views; the other instruments are a setting.
inline constexpr int kDefaultProgram = 0;

// An instrument name of instruments() or a program number 0..127; false otherwise.
bool parseProgram(const std::string &text, int &program);
std::string programName(int program); // "fiddle" or "program 12"

} // namespace folkrnn::audio

#pragma once
#include "core/abc/Pitch.h"
#include "core/abc/Rational.h"

#include <string>
#include <vector>

// A folk-rnn token stream read as written music: pitches resolved, lengths known, in written
// order (repeats not yet played out; see Repeats.h). Lengths are in eighths, the unit L:1/8 of
// every folk-rnn tune.
namespace folkrnn::audio {

using abc::Rational;

// A note of the written music with its pitch resolved by the key signature and by the
// accidentals carried through the bar.
struct ScoreNote {
    int key = 60;       // MIDI key number; the ABC note "C" (middle C) is 60
    int letter = 0;     // as written (C = 0 .. B = 6), for ties
    int octave = 0;     // as written ("C" = 0, "c" = 1)
    Rational length{1}; // eighths the note sounds: its written length scaled by tuplet and broken rhythm
    int token = -1;     // its pitch token
};

// One element of the written tune. Only the tokens the ABC writer places as music make items
// (abc::planAbc): a stray "]" or an ending that closes nothing is shown in the ABC view but not
// played, so what is heard is what the ABC text says.
struct ScoreItem {
    enum class Kind { Notes, Rest, Bar, Meter, Key };
    Kind kind = Kind::Notes;
    std::vector<ScoreNote> notes; // Notes: one note, or the notes of a chord
    Rational length{0};           // Notes, Rest: eighths until the next item starts
    int token = -1;               // the step a time inside the item maps to: the (first) pitch, the rest, the bar...
    int firstToken = -1;          // the tokens the item was made from, a contiguous range: a tuplet
    int lastToken = -1;           // mark, the chord brackets, lengths and broken-rhythm marks included
    bool tie = false;             // Notes: a tie token "-" follows; the next note of the same letter and octave continues it
    std::string bar;              // Bar: "|", "||", "|:", ":|", "::", "|1", "|2", "[1" or "[2"
    int meterNum = 4;             // Meter
    int meterDen = 4;
    abc::Key key;                 // Key
};

// Reads the meter and mode header tokens and the body. A duration token sets the length of the
// note, rest or chord before it ("3/2", "/2"); ">" and "<" (alone or glued, "2>") make a>b = 3/2
// and 1/2 of the written lengths (a<b the reverse); "(p" plays the next p notes in the time of q
// (ABC's table: q = 3 for p = 2, 4, 8; q = 2 for p = 3, 6; for 5, 7, 9 q = 3 in compound meters,
// else 2), also across bar lines; in a chord "[ C 2 E 2 ] 2" inner lengths are multiplied by the
// outer one and the chord lasts as long as its first note. An accidental applies to its letter
// and octave until the next bar line; the mode token sets the key signature (K:Cmin: B, E, A flat;
// K:Cdor: B, E flat; K:Cmix: B flat) and a mode token inside the tune changes it and cancels the
// bar's accidentals. Never throws: tokens that are not music are skipped.
std::vector<ScoreItem> readScore(const std::vector<std::string> &tokens);

// Compound meters beat in dotted quarters: 6/8, 9/8, 12/8 (numerator a multiple of 3 above 3).
bool isCompoundMeter(int numerator, int denominator);

// Bar tokens that are bar lines (they end the bar's accidentals): all but the endings "[1", "[2".
bool isBarLine(const std::string &bar);

} // namespace folkrnn::audio

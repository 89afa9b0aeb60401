#pragma once
#include <array>
#include <optional>
#include <string>

// Note names, keys and key signatures as ABC spells them. Letters are numbered C=0 .. B=6;
// octave 0 is the ABC octave of "C".."B" (middle C = "C"), octave 1 is "c".."b".
namespace folkrnn::abc {

inline constexpr std::array<int, 7> kLetterSemitone{0, 2, 4, 5, 7, 9, 11}; // C D E F G A B

struct NoteName {
    int letter = 0;                 // 0..6 = C..B
    int octave = 0;                 // "C" = 0, "c" = 1, "C," = -1, "c'" = 2
    std::optional<int> accidental;  // explicit: -2 "__", -1 "_", 0 "=", 1 "^", 2 "^^"

    int step() const { return letter + 7 * octave; } // diatonic index
    // Semitones from "C" for a given effective accidental.
    int semitone(int effectiveAccidental) const { return kLetterSemitone[letter] + 12 * octave + effectiveAccidental; }
};

// Parses a whole pitch token ("^F", "c'", "=B,", "__e"); false for anything else.
bool parseNoteName(const std::string &text, NoteName &note);
std::string noteText(const NoteName &note); // the token text of a note name

enum class Mode { Major, Minor, Dorian, Mixolydian, Phrygian, Lydian, Locrian };
const char *modeName(Mode m); // "major", "minor", "dorian", ...

struct Key {
    int letter = 0;     // tonic letter
    int accidental = 0; // tonic accidental (-1 flat, +1 sharp)
    Mode mode = Mode::Major;

    int tonicSemitone() const { return kLetterSemitone[letter] + accidental; } // -1..12
    // Sharps (> 0) or flats (< 0) in the key signature; may exceed 7 for exotic keys.
    int fifths() const;
    // Accidental each letter C..B carries under this key signature.
    std::array<int, 7> signature() const;
};

// Parses the value of a K: field ("G", "Am", "D dorian", "Bbmix", "C clef=bass"). Returns false
// with `problem` set for keys folk-rnn's vocabulary cannot say: "none", Highland pipes, explicit
// accidentals, transposing clefs, unknown modes.
bool parseKeyField(const std::string &value, Key &key, std::string &problem);

// The ABC text of a key: "C", "Cm", "CDor", "CMix", "F#Phr"...
std::string abcKeyText(const Key &key);

// folk-rnn mode tokens: "K:Cmaj", "K:Cmin", "K:Cdor", "K:Cmix" (and, for other vocabularies, any
// tonic and the other church modes). parseModeToken accepts exactly what modeToken writes.
std::string modeToken(const Key &key);
bool parseModeToken(const std::string &token, Key &key);

// True for the four modes of the v2 vocabulary.
bool isFolkRnnMode(Mode m);

// Meter field values: "4/4", "6/8", "C" (4/4), "C|" (2/2). False for "none" and compound sums.
bool parseMeterField(const std::string &value, int &numerator, int &denominator);
// "M:6/8" tokens; false for anything else.
bool parseMeterToken(const std::string &token, int &numerator, int &denominator);

} // namespace folkrnn::abc

#pragma once
#include "core/abc/AbcSource.h"
#include "core/abc/Pitch.h"
#include "core/abc/Rational.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace folkrnn::abc {

// The marker of tokens that TokensToAbc could not place in valid ABC (a stray "[", an ending
// that closes nothing...): they travel in an annotation "^folk-rnn: TOKENS" that ABC tools
// ignore, and the tokenizer reads them back verbatim.
inline constexpr const char *kEscapePrefix = "^folk-rnn:";

// One element of a tune body, with what folk-rnn's vocabulary cannot say already dropped:
// chord symbols, annotations, decorations, grace notes, slurs, ties, spacers.
struct AbcEvent {
    enum class Kind { Note, Rest, ChordStart, ChordEnd, Tuplet, Bar, Field, Escape };
    Kind kind = Kind::Note;
    NoteName note;              // Note
    char rest = 'z';            // Rest: 'z' or 'x'
    Rational length{1};         // Note, Rest, ChordEnd: a multiple of the unit note length L
    std::string broken;         // Note, Rest, ChordEnd: broken-rhythm marks after it (">", "<", ">>")
    bool brokenGlued = false;   // the marks touch the length ("A2>B"), no space between
    int tupletP = 0, tupletQ = 0, tupletR = 0; // Tuplet; 0 = not written
    std::vector<std::string> tokens;           // Bar: folk-rnn bar tokens; Escape: tokens verbatim
    char field = 0;             // Field: the letter
    std::string value;          // Field: the value, trimmed
    bool inlineField = false;   // Field: written [K:..] inside a music line
    int line = 0;
    int column = 0;             // 1-based
};

// A construct that cannot be converted without changing the music; the tune is skipped.
struct AbcSkip : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Lexes body lines (field lines included, as Field events). Throws AbcSkip naming the line.
std::vector<AbcEvent> lexAbcBody(const std::vector<AbcLine> &lines);

// Splits a run of bar characters ("|", ":|", "|:", "::", ":|:", "|]", "||", "[|", "|||:") into
// folk-rnn bar tokens; an ending number ("1" in "|1", ":|2") adds "|1" / "|2".
std::vector<std::string> barTokens(const std::string &run, const std::string &ending);

} // namespace folkrnn::abc

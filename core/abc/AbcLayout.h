#pragma once
#include <string>
#include <vector>

// Decides how each folk-rnn token of a stream goes into ABC. A sampled stream need not be
// well-formed music (a "[" never closed, a second ending that closes nothing, "A > B > c"), and
// ABC tools reject such text. Tokens that cannot be placed are "escaped": written inside an
// annotation that players and typesetters ignore and the tokenizer reads back, so the text stays
// valid ABC and the token stream survives the round trip unchanged.
namespace folkrnn::abc {

// What a token is, lexically, for the ABC writer. Only spellings the tokenizer writes back
// identically count (a duration "1" or a pitch "c," are Other).
enum class AbcTokenKind { Special, Meter, Mode, Pitch, Rest, Duration, Broken, Tuplet, Bar, ChordOpen, ChordClose, Other };
AbcTokenKind abcTokenKind(const std::string &token);

struct AbcPlan {
    std::vector<AbcTokenKind> kinds;
    std::vector<bool> escaped; // written in the "^folk-rnn: ..." annotation, not as music
    std::vector<bool> hidden;  // a leading <s> or trailing </s>: no text at all
    int headerMeter = -1;      // token written as the M: header field, or -1
    int headerMode = -1;       // token written as the K: header field, or -1
    std::size_t bodyStart = 0; // first token after the header tokens
};

// Escapes tokens, one at a time from the first problem, until the rest is ABC that abc2midi
// accepts: chords are "[" pitches with durations "]"; a duration (with a power-of-two denominator)
// follows a note, rest or chord; a broken rhythm joins two notes of equal written length, neither
// in a tuplet and the first not already shortened by one; a tuplet precedes a note and does not
// start inside another; repeats and endings nest as "|: .. |1 .. :| |2 .. ". The rules are
// abc2midi 4.84's, found by feeding it mutated and random token streams (tests/abc).
AbcPlan planAbc(const std::vector<std::string> &tokens);

} // namespace folkrnn::abc

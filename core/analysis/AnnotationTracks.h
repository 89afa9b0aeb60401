#pragma once
#include <string>
#include <vector>

namespace folkrnn { class Run; }

// Musical annotation tracks derived from the tokens of a run, one value per step, so that unit
// activity can be read against the structure of the tune (part 5 of the posts: units "spiking
// almost every time before the measure token"). Step t is annotated with what token(t), the
// token taken at step t, is in the tune: the state h_t recorded at step t is the state from which
// that token was drawn, so "h before bar lines" is h at the steps whose token is a bar line.
//
// Definitions (tokens are folk-rnn v2 tokens; lengths are in eighths, the unit length L:1/8):
// - Header: the meter and mode tokens at the start of the tune, before any other token. Header
//   steps, <s> and </s> are outside the body: position -1, time NaN, bar -1, part 0.
// - Bar line: a token containing '|' ("|", "||", "|:", ":|", "|1", "|2") or "::". "[1"/"[2"
//   mark endings but are not bar lines; "[" and "]" are chord brackets.
// - Position in the bar (tokens): how many body tokens lie between the last bar line and this
//   token: 0 for the first token after a bar line; a bar line gets the token count of the bar it
//   closes (the "|" of "| c d e f g a b c |" is at 8).
// - Time in the bar (eighths): the onset of the note, rest or chord the token starts or belongs
//   to (a duration token shares its note's onset; a tuplet mark "(3" sits at the onset of its
//   first note), measured from the last bar line; a bar line gets the length of the bar it
//   closes. A note lasts 1 eighth unless a duration token follows ("2", "/2", "3/2"); ">" makes
//   the note before it 3/2 as long and the next 1/2 ("<" the reverse; "2>" is "2" then ">");
//   "(p" plays the next p notes in the time of q (q = 3 for p = 2, 4, 8; 2 for 3, 6; for 5, 7, 9:
//   3 in compound meters, else 2); a chord "[ C 2 E 2 ]" lasts as its first note, times a duration
//   token after "]".
// - Bar length: numerator * 8 / denominator of the meter in force (M:4/4 -> 8, M:6/8 -> 6); NaN
//   before any meter.
// - Bar number: bars are counted from 1, a bar being closed by a bar line after at least one note,
//   rest or chord. A bar line with nothing before it (a leading "|:", the "|2" right after ":|")
//   belongs to the bar that follows. When the first bar is shorter than the bar length (an
//   anacrusis), it is bar 0.
// - Part (strain, from 1): a new part starts at the first note after "||", ":|", "::" or a "|:"
//   that follows music of the current part, except that an ending mark "|2"/"[2" (any ending
//   above 1) right after ":|" continues the same part (the second-time bar). The tokens between
//   the boundary and that note belong to the new part.
// - Inside a repeat: the tokens from the "|:" (or "::") that opens a repeated section, or when
//   there is none from the first note of the part, up to and including the ":|" or "::" that
//   closes it. Second endings follow the closing ":|" and are not inside it.
// - Ending (1, 2, ...): from an ending mark ("|1", "[1", "|2", "[2") up to and including the
//   ":|", "||" or "::" that closes it, or up to (excluding) a "|:" or the next ending mark.
// - Category: classifyToken (core/abc/TokenCategory.h); pitch height: semitones from middle C
//   for pitch tokens (kNoPitch for others).
namespace folkrnn::analysis {

inline constexpr int kNoPitch = -1000;

struct AnnotationTracks {
    std::vector<int> tokenId;         // [T] the token's vocabulary id (-1 when annotated from text)
    std::vector<int> category;        // [T] TokenCategory as int
    std::vector<char> inBody;         // [T] 1 inside the body (not header, <s>, </s>)
    std::vector<char> barLine;        // [T] 1 for bar-line tokens
    std::vector<int> barPosition;     // [T] tokens since the last bar line; -1 outside the body
    std::vector<double> barTime;      // [T] eighths since the last bar line; NaN outside the body
    std::vector<double> barLength;    // [T] eighths in a full bar of the meter in force; NaN if none
    std::vector<int> bar;             // [T] bar number (0: anacrusis); -1 outside the body
    std::vector<int> part;            // [T] strain from 1; 0 outside the body
    std::vector<char> inRepeat;       // [T] 1 inside a repeated section
    std::vector<int> ending;          // [T] 0, or the number of the ending the token is in
    std::vector<int> pitch;           // [T] semitones from middle C, or kNoPitch

    int steps() const { return static_cast<int>(category.size()); }
    // The eighth of the bar the token starts in: floor(barTime), -1 outside the body.
    int barEighth(int t) const;
};

// Annotates a token stream (tokens as text). A leading <s> and a trailing </s> are allowed.
AnnotationTracks annotateTokens(const std::vector<std::string> &tokens);
// Annotates the tokens a run took, step by step (token ids kept in tokenId).
AnnotationTracks annotateRun(const Run &run);

} // namespace folkrnn::analysis

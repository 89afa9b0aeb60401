#pragma once
#include "core/analysis/AnnotationTracks.h"

#include <climits>
#include <string>
#include <vector>

// One integer value per step for each annotation track, so that queries and statistics can ask
// "the steps whose bar position is 8" or "the steps whose token is a bar line" the same way.
namespace folkrnn::analysis {

enum class AnnotationTrack {
    Token = 0,   // vocabulary id of token(t)
    Category,    // TokenCategory
    BarLine,     // 1 for bar lines, 0 for other body tokens
    BarPosition, // tokens since the last bar line
    BarEighth,   // floor of the time in the bar, in eighths
    Bar,         // bar number (0: anacrusis)
    Part,        // strain, from 1
    Repeat,      // 1 inside a repeated section, 0 elsewhere in the body
    Ending,      // 0 outside endings, else the ending's number
    Pitch,       // semitones from middle C (pitch tokens only)
};
inline constexpr int kAnnotationTrackCount = 10;
inline constexpr int kNoAnnotation = INT_MIN;

// "token", "category", "bar-line", "bar-position", "bar-eighth", "bar", "part", "repeat",
// "ending", "pitch".
const char *annotationTrackName(AnnotationTrack track);
bool parseAnnotationTrack(const std::string &name, AnnotationTrack &out);

// The value of `track` at step t, or kNoAnnotation where the track says nothing (outside the
// body for the musical tracks, non-pitch tokens for Pitch; Token needs tracks made from a Run).
int annotationValue(const AnnotationTracks &tracks, AnnotationTrack track, int t);

// A value as people read it: the token text, the category name, "yes"/"no", or the number.
std::string describeAnnotationValue(AnnotationTrack track, int value, const std::vector<std::string> &vocabulary);

// A set of steps named by one track's value: "bar-line" (bar-line=1), "token:|", "category:measure",
// "bar-position:8", "part:2", "pitch:12"...
struct AnnotationKey {
    AnnotationTrack track = AnnotationTrack::BarLine;
    int value = 1;
    bool operator==(const AnnotationKey &) const = default;
};

// Parses "TRACK:VALUE" ("TRACK" alone for bar-line and repeat means value 1); token values are
// token texts looked up in `vocabulary`, category values category names. Throws InputError
// naming `what` for unknown tracks, tokens, categories or numbers.
AnnotationKey parseAnnotationKey(const std::string &text, const std::vector<std::string> &vocabulary,
                                 const std::string &what);
// "bar-line", "token:|", "bar-position:8" (parseAnnotationKey reads it back).
std::string formatAnnotationKey(const AnnotationKey &key, const std::vector<std::string> &vocabulary);

} // namespace folkrnn::analysis

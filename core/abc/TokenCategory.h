#pragma once
#include <string>
#include <vector>

namespace folkrnn {

// The token categories every view groups by, in the order the posts plot them.
enum class TokenCategory { Meter = 0, Mode, Measure, Pitch, Rest, Duration, Grouping, Special, Other };
inline constexpr int kTokenCategoryCount = 9;

TokenCategory classifyToken(const std::string &token);
const char *categoryName(TokenCategory c); // "meter", "mode", "measure", ...

// Semitones relative to middle C (C = 0, c = 12, C, = -12, ^F = 6) for pitch tokens; false otherwise.
bool pitchHeight(const std::string &token, int &semitones);

// Duration in units of L (1/8) for duration tokens "2", "/2", "3/2"...; false for others (">", "<").
bool durationValue(const std::string &token, double &eighths);

// The canonical display order of a vocabulary: by category, then pitch height for pitches and
// duration for durations, then text. order[k] is the token id shown at position k.
std::vector<int> displayOrder(const std::vector<std::string> &vocabulary);

} // namespace folkrnn

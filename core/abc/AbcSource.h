#pragma once
#include <string>
#include <utility>
#include <vector>

namespace folkrnn::abc {

struct AbcLine {
    std::string text; // comments and line continuations removed
    int number = 0;   // 1-based line number in the file
};

// One tune of an ABC file: its header fields up to and including K:, and its body lines.
struct AbcSourceTune {
    int firstLine = 0;
    std::string number; // X: value ("" when the text has no X: line)
    std::string title;  // the first T:
    std::vector<std::pair<char, std::string>> header; // every header field, in order, values trimmed
    std::vector<AbcLine> body;
    std::string headerProblem; // why the header cannot be used ("no K: field"), or empty
};

// Splits ABC text into tunes: each starts at an X: line and ends at a blank line; free text
// between tunes is ignored. Text with no X: line but a K: line (a pasted tune) is one tune.
// Accepts LF, CRLF and CR line ends.
std::vector<AbcSourceTune> splitAbcTunes(const std::string &text);

// True for "X:...", "T:..." style field lines (a letter or '+' followed by ':').
bool isFieldLine(const std::string &line);

} // namespace folkrnn::abc

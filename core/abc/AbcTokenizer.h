#pragma once
#include "core/abc/AbcSource.h"
#include "core/abc/Pitch.h"
#include "core/abc/Transpose.h"

#include <string>
#include <vector>

namespace folkrnn::abc {

// The result of converting one ABC tune to folk-rnn tokens, as folk-rnn's data preparation did:
// unit length 1/8, transposed to root C in its own mode, only what the vocabulary can say.
struct TuneConversion {
    std::string where;    // "FILE:LINE (X:3 \"Title\")" for messages
    std::string number;   // X:
    std::string title;    // T:
    bool converted = false;
    std::string reason;   // why the tune was skipped
    std::vector<std::string> tokens; // meter token, mode token, body tokens
    Key sourceKey;                   // the key the tune starts in
    Transposition transposition;     // how it was moved to C
};

// Converts one tune; never throws for bad ABC (the tune is skipped with a reason instead).
TuneConversion tokenizeTune(const AbcSourceTune &tune, const std::string &sourceName);

// Converts every tune of an ABC text (see splitAbcTunes).
std::vector<TuneConversion> tokenizeAbc(const std::string &text, const std::string &sourceName);

} // namespace folkrnn::abc

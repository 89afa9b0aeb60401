#pragma once
#include "core/abc/TokenCorpus.h"

#include <cstddef>
#include <string>
#include <vector>

namespace folkrnn {

struct AbcWriteOptions {
    int number = 1;      // X:
    std::string title;   // T: (omitted when empty)
    int barsPerLine = 4; // a line break after this many bars
};

// Where a token landed in the ABC text, so views can highlight the current token.
struct TokenSpan {
    std::size_t begin = 0; // [begin, end) in AbcRendering::text; empty for <s> and </s>
    std::size_t end = 0;
};

struct AbcRendering {
    std::string text;               // a complete ABC tune, ending with a newline
    std::vector<TokenSpan> spans;   // one per input token
    std::vector<bool> escaped;      // the token could not be placed as music and sits in a
                                    // "^folk-rnn: ..." annotation (see AbcLayout.h)
    std::size_t escapedCount() const;
    // The token whose span contains `offset` (or the nearest one before it); -1 if none.
    int tokenAt(std::size_t offset) const;
};

// Writes a folk-rnn token stream (meter, mode, body; a leading <s> and trailing </s> allowed) as
// an ABC tune: X:, T:, M: from the meter token, L:1/8, K: from the mode token (K:Cmaj -> K:C,
// K:Cmin -> K:Cm, K:Cdor -> K:CDor, K:Cmix -> K:CMix), then the body with lengths attached to
// their notes, broken rhythms, tuplets, chords, repeats and endings, and inline [M:..]/[K:..]
// fields for mid-tune meter and mode tokens. Reading the text back with tokenizeAbc gives the
// same tokens (for streams that start with a meter and a mode token).
AbcRendering tokensToAbc(const std::vector<std::string> &tokens, const AbcWriteOptions &options = {});

// Every tune of a corpus as one ABC file: X:1, X:2, ... separated by blank lines.
std::string corpusToAbc(const std::vector<TokenTune> &tunes);

} // namespace folkrnn

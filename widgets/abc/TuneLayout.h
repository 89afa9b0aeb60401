#pragma once
#include <QString>

#include <vector>

namespace folkrnn { class Run; }

namespace folkrnn::widgets {

// Where one step's token sits in a text: characters [begin, end).
struct TokenSpan {
    int begin = 0;
    int end = 0;
};

// A run's tune as text, with the span of each step's token: spans[t] belongs to step t (steps
// whose token has no text, like </s>, have an empty span).
struct TuneText {
    QString text;
    std::vector<TokenSpan> spans;
    // The step whose span contains (or, between tokens, follows) character `pos`; -1 for none.
    int stepAt(int pos) const;
};

// The tune in folk-rnn's sample_rnn.py layout: the meter token and the mode token on their own
// lines, then the rest separated by spaces (what the model reads and writes, token for token).
//
// This is the ABC view's own span computation. When core/abc offers tokens -> ABC with a
// token -> character-span map, sampleRnnText() and staffAbc() should call it instead; the view
// only needs a TuneText.
TuneText sampleRnnText(const folkrnn::Run &run);

// The tune as ABC that abcm2ps engraves: L:1/8 (folk-rnn's unit), the meter and mode tokens as
// header fields, durations and broken rhythms joined to their notes, mid-tune meter and mode
// changes as inline fields, automatic line breaks.
QString staffAbc(const folkrnn::Run &run);

} // namespace folkrnn::widgets

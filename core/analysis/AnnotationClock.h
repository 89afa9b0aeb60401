#pragma once
#include "core/abc/Rational.h"

#include <string>

// Musical time through a folk-rnn token stream, token by token: the "time in the bar" and "bar
// length" of AnnotationTracks.h (where the rules are written down). Exact fractions, so that a
// bar of triplets adds up to the bar length exactly.
namespace folkrnn::analysis {

class AnnotationClock {
public:
    // What a token does to the clock (AnnotationTracks.h classifies tokens into these).
    enum class Kind { Note, Rest, ChordOpen, ChordClose, Duration, Broken, Tuplet, BarLine, Meter, Other };
    static Kind kindOf(const std::string &token);

    // Feeds the next body token. Returns its time in the bar (eighths since the last bar line);
    // after a bar line the clock starts the next bar.
    abc::Rational advance(const std::string &token);

    bool hasMeter() const { return barLength_.num > 0; }
    abc::Rational barLength() const { return barLength_; } // 0 before any meter
    // Notes, rests and chords started since the last bar line.
    int eventsInBar() const { return eventsInBar_; }
    // After a bar line was fed: the notes, rests and chords of the bar it closed.
    int eventsInClosedBar() const { return closedBarEvents_; }

private:
    void closeEvent();
    void startEvent();
    void setMeter(int numerator, int denominator);

    abc::Rational pos_{0};        // onset of the open event (or end of the last closed one)
    abc::Rational len_{1};        // written length of the open event
    abc::Rational scale_{1};      // broken-rhythm and tuplet scaling of the open event
    abc::Rational nextScale_{1};  // broken-rhythm scaling waiting for the next event
    abc::Rational tupletScale_{1};
    abc::Rational chordLen_{0};   // length of a chord's first note (0: not given yet)
    abc::Rational barLength_{0};
    bool eventOpen_ = false;
    bool inChord_ = false;
    bool afterChord_ = false;     // the open event is a chord that was just closed
    bool compound_ = false;       // 6/8, 9/8, 12/8...
    int tupletLeft_ = 0;
    int eventsInBar_ = 0;
    int closedBarEvents_ = 0;
};

} // namespace folkrnn::analysis

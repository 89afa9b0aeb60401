#include "core/abc/Transpose.h"

#include <algorithm>
#include <cstdlib>

namespace folkrnn::abc {

namespace {

int floorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
int floorMod(int a, int b) { return a - b * floorDiv(a, b); }

// The lowest and highest pitch tokens of folk-rnn v2 ("C," and "g'"), in semitones from "C".
constexpr int kLowest = -12;
constexpr int kHighest = 31;

} // namespace

int AccidentalState::current(int letter, int octave) const
{
    const auto it = bar_.find({letter, octave});
    return it != bar_.end() ? it->second : sig_[static_cast<std::size_t>(letter)];
}

int AccidentalState::apply(const NoteName &note)
{
    if (note.accidental) {
        bar_[{note.letter, note.octave}] = *note.accidental;
        return note.semitone(*note.accidental);
    }
    return note.semitone(current(note.letter, note.octave));
}

Transposition transpositionToC(const Key &tonic, const std::vector<int> &pitches)
{
    const int tp = tonic.tonicSemitone();
    const Transposition down{-tp, -tonic.letter};
    const Transposition up{12 - tp, 7 - tonic.letter};
    if (down.semitones == 0)
        return down;
    if (up.semitones == 0)
        return up;
    auto outside = [&](const Transposition &t) {
        int n = 0;
        for (int p : pitches)
            n += (p + t.semitones < kLowest || p + t.semitones > kHighest) ? 1 : 0;
        return n;
    };
    const int costDown = outside(down), costUp = outside(up);
    if (costDown != costUp)
        return costDown < costUp ? down : up;
    return std::abs(up.semitones) < std::abs(down.semitones) ? up : down;
}

NoteName Respeller::spell(const NoteName &source, int *pitch)
{
    const int sourcePitch = source_.apply(source);
    const int sourceAccidental = sourcePitch - source.semitone(0);
    const int q = sourcePitch + t_.semitones;
    int step = source.step() + t_.steps;
    auto accidentalAt = [&](int s) {
        return q - (kLetterSemitone[static_cast<std::size_t>(floorMod(s, 7))] + 12 * floorDiv(s, 7));
    };
    // Keep the diatonic spelling unless it needs a bigger accidental than the source had
    // (a double sharp is not a folk-rnn token); then use the neighbouring letter.
    const int limit = std::max(1, std::abs(sourceAccidental));
    if (std::abs(accidentalAt(step)) > limit)
        step = std::abs(accidentalAt(step - 1)) <= std::abs(accidentalAt(step + 1)) ? step - 1 : step + 1;
    NoteName out;
    out.letter = floorMod(step, 7);
    out.octave = floorDiv(step, 7);
    const int acc = accidentalAt(step);
    if (source.accidental || target_.current(out.letter, out.octave) != acc) {
        out.accidental = acc;
        target_.setExplicit(out.letter, out.octave, acc);
    }
    if (pitch)
        *pitch = q;
    return out;
}

} // namespace folkrnn::abc

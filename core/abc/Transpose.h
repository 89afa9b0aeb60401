#pragma once
#include "core/abc/Pitch.h"

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace folkrnn::abc {

// What a plain note means at a point of an ABC tune: the key signature, overridden until the
// next bar line by explicit accidentals on the same letter in the same octave (ABC 2.1).
class AccidentalState {
public:
    explicit AccidentalState(const std::array<int, 7> &signature = {}) : sig_(signature) {}
    void setSignature(const std::array<int, 7> &signature) { sig_ = signature; }
    void newBar() { bar_.clear(); }
    // The accidental a plain note of this letter and octave gets now.
    int current(int letter, int octave) const;
    // The note's pitch in semitones from "C"; an explicit accidental is remembered for the bar.
    int apply(const NoteName &note);
    void setExplicit(int letter, int octave, int accidental) { bar_[{letter, octave}] = accidental; }

private:
    std::array<int, 7> sig_;
    std::map<std::pair<int, int>, int> bar_;
};

// How a tune moves to root C: `semitones` up (or down when negative) and `steps` letters, so that
// the tonic's letter lands on C and spellings follow the key (G major's F# becomes C major's B).
struct Transposition {
    int semitones = 0;
    int steps = 0;
};

// Picks the transposition taking `tonic` to C: none when the tonic is already C; otherwise the
// nearer of the two octaves, unless that one puts more of `pitches` outside folk-rnn's usual range
// (C, to g', -12..31 semitones) than the other.
Transposition transpositionToC(const Key &tonic, const std::vector<int> &pitches);

// Spells transposed notes in the target key, tracking accidentals of source and target bars
// independently so every pitch is exact: a plain source note stays plain when the target key and
// bar say the same pitch, and gets an accidental otherwise; an explicit source accidental stays
// explicit (courtesy accidentals are kept, as written).
class Respeller {
public:
    Respeller(const Transposition &t, const std::array<int, 7> &sourceSig, const std::array<int, 7> &targetSig)
        : t_(t), source_(sourceSig), target_(targetSig)
    {
    }
    void setSourceSignature(const std::array<int, 7> &sig) { source_.setSignature(sig); }
    void setTargetSignature(const std::array<int, 7> &sig) { target_.setSignature(sig); }
    void newBar()
    {
        source_.newBar();
        target_.newBar();
    }
    // The target note for a source note; `pitch` receives the target pitch in semitones from "C".
    NoteName spell(const NoteName &source, int *pitch = nullptr);

private:
    Transposition t_;
    AccidentalState source_;
    AccidentalState target_;
};

} // namespace folkrnn::abc

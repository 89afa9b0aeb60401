#pragma once
#include <string>
#include <vector>

// Where abc2midi (Debian abcmidi 4.84) plays an ABC text differently from the ABC standard and
// from core/audio, and token rewrites that take the difference away without changing the music
// core/audio plays. test_audio_abc2midi applies them to every tune whose notes differ, checks that
// core/audio's notes stay exactly the same, and that abc2midi then agrees: the difference is then
// explained by the quirks the rewrites name, and by nothing else.
namespace folkrnn::test {

struct QuirkRewrite {
    std::vector<std::string> tokens; // the rewritten tune
    std::vector<std::string> quirks; // what was rewritten, one phrase per kind; empty: nothing
};

// Unison: "[ B, B, ]" -> "[ B, ]". abc2midi strikes the key twice (two note-ons of one key on
// one channel); core/audio sounds it once.
// Chord lengths: "[ C 2 E 2 ] 2" -> "[ C E ] 4". ABC 2.1 (4.17) multiplies the lengths inside
// and outside a chord; abc2midi keeps only the outer one. Only chords whose notes share one
// length can be rewritten.
QuirkRewrite rewriteChordQuirks(const std::vector<std::string> &tokens);

// Implicit repeat starts: a "|:" is written where core/audio's repeat goes back to when no "|:"
// or "::" stands there (the tokens the ABC writer escapes are dropped first). abc2midi agrees with core/audio on such repeats except after first and
// second endings, where it goes back to the start of the tune instead (see core/audio/Repeats.h).
QuirkRewrite rewriteRepeatStarts(const std::vector<std::string> &tokens);

// ABC for abc2midi with the two settings that make it play as ABC 2.1 and core/audio do:
// accidentals apply to their own octave (abc2midi's default carries them to every octave) and
// chord notes start together (abc2midi's default staggers them by 10 ticks).
std::string abcForAbc2midi(const std::vector<std::string> &tokens, int number);

} // namespace folkrnn::test

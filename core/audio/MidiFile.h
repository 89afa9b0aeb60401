#pragma once
#include "core/audio/NoteEvents.h"

#include <filesystem>
#include <string>

// Standard MIDI File writer (SMF 1.0, format 1): track 0 holds the tempo, the meter and key
// signatures (one event per meter or mode token played, at its time) and the tune's name; track
// 1 holds the notes on channel 1 with a program change to the instrument.
namespace folkrnn::audio {

struct MidiOptions {
    double tempo = 0;     // beats of the header meter per minute (Tempo.h); <= 0: defaultTempo
    int program = 0;      // General MIDI program 0..127
    std::string title;    // track name of track 0; empty: "folk-rnn tune"
};

// Ticks per quarter note: 480 * 7, so lengths of eighths split by 2, 3, 5 and 7 (tuplets) are
// whole ticks. Times that are not (a 9-tuplet) round to the nearest tick, ends rounded apart
// from onsets so that rounding never accumulates.
inline constexpr int kMidiDivision = 3360;

std::string midiFileBytes(const Performance &performance, const MidiOptions &options);

// Writes the file atomically; InputError naming the file when it cannot be written.
void writeMidiFile(const std::filesystem::path &path, const Performance &performance, const MidiOptions &options);

} // namespace folkrnn::audio

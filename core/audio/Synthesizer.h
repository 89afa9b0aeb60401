#pragma once
#include "core/audio/NoteEvents.h"
#include "core/audio/WavFile.h"

#include <memory>
#include <string>

// General MIDI synthesis with libfluidsynth, offline: notes in, PCM out, no audio driver.
namespace folkrnn::audio {

// The SoundFont to play with: $FOLKRNN_SOUNDFONT when set; else the largest General MIDI font
// Debian installs (FluidR3_GM.sf2 from fluid-soundfont-gm, MuseScore_General from
// musescore-general-soundfont); else TimGM6mb.sf2 (timgm6mb-soundfont, small, the dependency);
// else the system's default-GM.sf2 / .sf3. Empty when there is none.
std::string findSoundFont();

struct SynthOptions {
    std::string soundFont;  // empty: findSoundFont()
    int sampleRate = 44100;
    double peak = 0.7;      // the loudest sample of a render, as a fraction of full scale (-3 dBFS)
    bool reverb = false;    // a room (costs about as much as the notes); chorus stays off
    int threads = 0;        // synthesizers rendering parts of a long tune at once; 0: one per core, at most 4
};

// General MIDI synthesis with fluidsynth. Each tune renders on fresh fluidsynth instances (the
// same notes give the same samples, whatever was rendered before); a long tune is cut by note
// onsets into parts that render at once on several cores and are summed: voices and their
// releases are independent, so the sum is the whole tune's sound. Single notes (sounding a step)
// reuse one instance kept from construction. Use it from one thread at a time.
class Synthesizer {
public:
    // Loads the SoundFont once to check it; throws InputError naming it when there is none or it
    // cannot be loaded.
    explicit Synthesizer(const SynthOptions &options = {});
    ~Synthesizer();
    Synthesizer(const Synthesizer &) = delete;
    Synthesizer &operator=(const Synthesizer &) = delete;

    const std::string &soundFont() const;
    int sampleRate() const;

    // The whole performance, stereo: exactly its duration long (performance.duration *
    // secondsPerQuarter, so sample positions map to playback time), the last 20 ms faded out,
    // scaled so that its loudest sample is options.peak (SoundFont instruments differ widely in
    // level; a quiet one is raised at most 16 times).
    // Throws InputError when the SoundFont can no longer be loaded.
    Pcm render(const Performance &performance, double secondsPerQuarter, int program);

    // One note alone, `seconds` long and then its release (0.4 s), for sounding a step; scaled
    // like a tune.
    Pcm renderNote(int key, int velocity, int program, double seconds);

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

} // namespace folkrnn::audio

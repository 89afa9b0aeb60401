#include "core/audio/Synthesizer.h"

#include "core/util/Error.h"

#include <fluidsynth.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <tuple>
#include <vector>

namespace folkrnn::audio {

std::string findSoundFont()
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (const char *env = std::getenv("FOLKRNN_SOUNDFONT"); env && *env)
        return env;
    static const char *candidates[] = {
        "/usr/share/sounds/sf2/FluidR3_GM.sf2",         "/usr/share/sounds/sf2/MuseScore_General.sf2",
        "/usr/share/sounds/sf3/MuseScore_General.sf3",  "/usr/share/sounds/sf2/TimGM6mb.sf2",
        "/usr/share/sounds/sf2/default-GM.sf2",         "/usr/share/sounds/sf3/default-GM.sf3",
    };
    for (const char *c : candidates)
        if (fs::is_regular_file(c, ec))
            return c;
    return {};
}

namespace {

// fluidsynth prints warnings to stderr by itself; its failures are reported here as InputError.
void silenceFluidLog()
{
    static std::once_flag once;
    std::call_once(once, [] {
        for (int level : {FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG})
            fluid_set_log_function(level, nullptr, nullptr);
    });
}

struct NoteChange {
    std::int64_t frame;
    bool on;
    int key;
    int velocity;
};

} // namespace

struct Synthesizer::Impl {
    std::string soundFont;
    int sampleRate = 44100;
    fluid_settings_t *settings = nullptr;
    fluid_synth_t *synth = nullptr;

    ~Impl()
    {
        if (synth)
            delete_fluid_synth(synth);
        if (settings)
            delete_fluid_settings(settings);
    }

    void reset(int program)
    {
        fluid_synth_system_reset(synth);
        fluid_synth_program_change(synth, 0, std::clamp(program, 0, 127));
    }

    // Renders frames [from, to) of `pcm`.
    void write(Pcm &pcm, std::int64_t from, std::int64_t to)
    {
        if (to <= from)
            return;
        std::int16_t *base = pcm.samples.data() + 2 * from;
        fluid_synth_write_s16(synth, static_cast<int>(to - from), base, 0, 2, base, 1, 2);
    }

    void play(Pcm &pcm, std::vector<NoteChange> changes, std::int64_t frames)
    {
        pcm.sampleRate = sampleRate;
        pcm.channels = 2;
        pcm.samples.assign(static_cast<std::size_t>(frames) * 2, 0);
        // Releases before strikes at one frame, so a repeated key sounds again.
        std::stable_sort(changes.begin(), changes.end(), [](const NoteChange &a, const NoteChange &b) {
            return std::make_tuple(a.frame, a.on) < std::make_tuple(b.frame, b.on);
        });
        std::int64_t pos = 0;
        for (const NoteChange &c : changes) {
            const std::int64_t at = std::clamp<std::int64_t>(c.frame, 0, frames);
            write(pcm, pos, at);
            pos = std::max(pos, at);
            if (c.on)
                fluid_synth_noteon(synth, 0, c.key, c.velocity);
            else
                fluid_synth_noteoff(synth, 0, c.key);
        }
        write(pcm, pos, frames);
    }
};

Synthesizer::Synthesizer(const SynthOptions &options) : d_(std::make_unique<Impl>())
{
    silenceFluidLog();
    d_->soundFont = options.soundFont.empty() ? findSoundFont() : options.soundFont;
    if (d_->soundFont.empty())
        throw InputError("SoundFont", "no General MIDI SoundFont found in /usr/share/sounds/sf2 (install Debian's "
                                      "timgm6mb-soundfont, or set FOLKRNN_SOUNDFONT to a .sf2 file)");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(d_->soundFont, ec))
        throw InputError(d_->soundFont, "no such SoundFont file");
    d_->sampleRate = std::clamp(options.sampleRate, 8000, 192000);
    d_->settings = new_fluid_settings();
    if (!d_->settings)
        throw InputError("fluidsynth", "cannot create its settings");
    fluid_settings_setnum(d_->settings, "synth.sample-rate", d_->sampleRate);
    fluid_settings_setnum(d_->settings, "synth.gain", std::clamp(options.gain, 0.0, 10.0));
    fluid_settings_setint(d_->settings, "synth.reverb.active", options.reverb ? 1 : 0);
    fluid_settings_setint(d_->settings, "synth.chorus.active", 0);
    fluid_settings_setint(d_->settings, "synth.lock-memory", 0);
    fluid_settings_setint(d_->settings, "synth.threadsafe-api", 0); // one thread at a time (see header)
    // Load only the samples of the programs used: a large SoundFont then opens quickly.
    fluid_settings_setint(d_->settings, "synth.dynamic-sample-loading", 1);
    d_->synth = new_fluid_synth(d_->settings);
    if (!d_->synth)
        throw InputError("fluidsynth", "cannot create a synthesizer");
    if (fluid_synth_sfload(d_->synth, d_->soundFont.c_str(), 1) == FLUID_FAILED)
        throw InputError(d_->soundFont, "cannot be loaded as a SoundFont");
}

Synthesizer::~Synthesizer() = default;

const std::string &Synthesizer::soundFont() const { return d_->soundFont; }

int Synthesizer::sampleRate() const { return d_->sampleRate; }

Pcm Synthesizer::render(const Performance &p, double secondsPerQuarter, int program)
{
    const double framesPerQuarter = secondsPerQuarter * d_->sampleRate;
    auto frameAt = [&](Rational q) { return static_cast<std::int64_t>(std::llround(q.value() * framesPerQuarter)); };
    std::vector<NoteChange> changes;
    changes.reserve(p.notes.size() * 2);
    for (const NoteEvent &e : p.notes) {
        changes.push_back({frameAt(e.onset), true, std::clamp(e.key, 0, 127), std::clamp(e.velocity, 1, 127)});
        changes.push_back({frameAt(e.onset + e.length), false, std::clamp(e.key, 0, 127), 0});
    }
    d_->reset(program);
    Pcm pcm;
    const std::int64_t frames = frameAt(p.duration);
    d_->play(pcm, std::move(changes), frames);
    // A short fade instead of a click where the last note is cut at the end of the tune.
    const std::int64_t fade = std::min<std::int64_t>(frames, d_->sampleRate / 50);
    for (std::int64_t k = 0; k < fade; ++k) {
        const double g = static_cast<double>(k) / static_cast<double>(fade);
        for (int c = 0; c < 2; ++c) {
            std::int16_t &s = pcm.samples[static_cast<std::size_t>(2 * (frames - 1 - k) + c)];
            s = static_cast<std::int16_t>(std::lround(s * g));
        }
    }
    return pcm;
}

Pcm Synthesizer::renderNote(int key, int velocity, int program, double seconds)
{
    const auto held = static_cast<std::int64_t>(std::llround(std::clamp(seconds, 0.01, 10.0) * d_->sampleRate));
    const auto tail = static_cast<std::int64_t>(0.4 * d_->sampleRate);
    d_->reset(program);
    Pcm pcm;
    d_->play(pcm, {{0, true, std::clamp(key, 0, 127), std::clamp(velocity, 1, 127)}, {held, false, std::clamp(key, 0, 127), 0}},
             held + tail);
    return pcm;
}

} // namespace folkrnn::audio

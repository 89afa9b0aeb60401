#include "core/audio/Synthesizer.h"

#include "core/util/Error.h"

#include <fluidsynth.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
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

// Releases before strikes at one frame, so a repeated key sounds again.
void sortChanges(std::vector<NoteChange> &changes)
{
    std::stable_sort(changes.begin(), changes.end(), [](const NoteChange &a, const NoteChange &b) {
        return std::make_tuple(a.frame, a.on) < std::make_tuple(b.frame, b.on);
    });
}

// Float stereo of frames [start, start + left.size()).
struct Part {
    std::int64_t start = 0;
    std::vector<float> left, right;
};

// One fluidsynth instance with the SoundFont loaded.
class Engine {
public:
    Engine(const std::string &soundFont, int sampleRate, const SynthOptions &options)
    {
        settings_ = new_fluid_settings();
        if (!settings_)
            throw InputError("fluidsynth", "cannot create its settings");
        fluid_settings_setnum(settings_, "synth.sample-rate", sampleRate);
        fluid_settings_setnum(settings_, "synth.gain", 1.0); // float output, scaled afterwards
        fluid_settings_setint(settings_, "synth.reverb.active", options.reverb ? 1 : 0);
        fluid_settings_setint(settings_, "synth.chorus.active", 0);
        fluid_settings_setint(settings_, "synth.lock-memory", 0);
        fluid_settings_setint(settings_, "synth.threadsafe-api", 0); // each engine is used by one thread
        // Load only the samples of the programs used: a large SoundFont then opens quickly.
        fluid_settings_setint(settings_, "synth.dynamic-sample-loading", 1);
        synth_ = new_fluid_synth(settings_);
        if (!synth_) {
            delete_fluid_settings(settings_);
            throw InputError("fluidsynth", "cannot create a synthesizer");
        }
        if (fluid_synth_sfload(synth_, soundFont.c_str(), 1) == FLUID_FAILED) {
            delete_fluid_synth(synth_);
            delete_fluid_settings(settings_);
            throw InputError(soundFont, "cannot be loaded as a SoundFont");
        }
    }
    ~Engine()
    {
        delete_fluid_synth(synth_);
        delete_fluid_settings(settings_);
    }
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    // Plays `changes` (sorted) from their first frame until every voice has died away or
    // `limit` is reached. fluidsynth renders in blocks and applies events at block starts; here
    // every call renders whole blocks from a block boundary (counted from frame 0), so events
    // fall where they would in one render of the whole tune and the result does not depend on
    // what the engine rendered before.
    Part play(const std::vector<NoteChange> &changes, int program, std::int64_t limit)
    {
        fluid_synth_system_reset(synth_);
        fluid_synth_program_change(synth_, 0, std::clamp(program, 0, 127));
        Part part;
        if (changes.empty() || limit <= 0)
            return part;
        const std::int64_t block = std::max(1, fluid_synth_get_internal_bufsize(synth_));
        auto blockStart = [&](std::int64_t frame) { return std::clamp<std::int64_t>(frame, 0, limit) / block * block; };
        part.start = blockStart(changes.front().frame);
        std::int64_t pos = part.start;
        const std::int64_t expected = std::min(limit, changes.back().frame + 2 * 44100) - part.start; // notes and a release
        part.left.reserve(static_cast<std::size_t>(std::max<std::int64_t>(expected, 0)));
        part.right.reserve(static_cast<std::size_t>(std::max<std::int64_t>(expected, 0)));
        auto write = [&](std::int64_t to) { // to: a block boundary
            if (to <= pos)
                return;
            const auto n = static_cast<std::size_t>(to - pos);
            const std::size_t at = part.left.size();
            part.left.resize(at + n);
            part.right.resize(at + n);
            fluid_synth_write_float(synth_, static_cast<int>(n), part.left.data() + at, 0, 1, part.right.data() + at, 0, 1);
            pos = to;
        };
        for (const NoteChange &c : changes) {
            write(blockStart(c.frame));
            if (c.on)
                fluid_synth_noteon(synth_, 0, c.key, c.velocity);
            else
                fluid_synth_noteoff(synth_, 0, c.key);
        }
        // The releases ring on after the last note-off.
        do
            write(pos + 32 * block);
        while (pos < limit && fluid_synth_get_active_voice_count(synth_) > 0);
        const auto keep = static_cast<std::size_t>(std::min(pos, limit) - part.start);
        part.left.resize(keep);
        part.right.resize(keep);
        return part;
    }

private:
    fluid_settings_t *settings_ = nullptr;
    fluid_synth_t *synth_ = nullptr;
};

std::int16_t toSample(float v, float scale)
{
    return static_cast<std::int16_t>(std::lround(std::clamp(v * scale, -1.0f, 1.0f) * 32767.0f));
}

constexpr float kMaxScale = 16.0f;

} // namespace

struct Synthesizer::Impl {
    std::string soundFont;
    int sampleRate = 44100;
    SynthOptions options;
    // Sounds single notes. A tune gets fresh engines: fluidsynth carries state from one note to
    // the next voice it allocates (the same notes rendered twice by one engine differ), and a
    // rendered tune should depend on the tune alone.
    std::unique_ptr<Engine> noteEngine;

    std::size_t parallelism() const
    {
        if (options.threads > 0)
            return static_cast<std::size_t>(options.threads);
        return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    }

    Part renderPart(const std::vector<NoteChange> &changes, int program, std::int64_t frames, bool fresh)
    {
        if (!fresh)
            return noteEngine->play(changes, program, frames);
        Engine engine(soundFont, sampleRate, options);
        return engine.play(changes, program, frames);
    }

    Pcm play(std::vector<NoteChange> changes, int program, std::int64_t frames, bool fresh)
    {
        sortChanges(changes);
        // Parts of at least 10 s each: shorter ones are not worth another thread.
        const std::size_t parts = fresh ? std::clamp<std::size_t>(static_cast<std::size_t>(frames / (10 * sampleRate)), 1, parallelism()) : 1;
        // Each part takes the notes that start in its stretch of time, with their note-offs.
        std::vector<std::vector<NoteChange>> split(parts);
        std::vector<std::size_t> partOfKey(128, 0);
        for (const NoteChange &c : changes) {
            if (c.on)
                partOfKey[static_cast<std::size_t>(c.key)] =
                    std::min(parts - 1, static_cast<std::size_t>(c.frame * static_cast<std::int64_t>(parts) / std::max<std::int64_t>(frames, 1)));
            split[partOfKey[static_cast<std::size_t>(c.key)]].push_back(c);
        }
        std::vector<Part> rendered(parts);
        std::vector<std::exception_ptr> errors(parts);
        std::vector<std::thread> workers;
        for (std::size_t k = 1; k < parts; ++k)
            workers.emplace_back([&, k] {
                try {
                    rendered[k] = renderPart(split[k], program, frames, fresh);
                } catch (...) {
                    errors[k] = std::current_exception();
                }
            });
        try {
            rendered[0] = renderPart(split[0], program, frames, fresh);
        } catch (...) {
            errors[0] = std::current_exception();
        }
        for (std::thread &w : workers)
            w.join();
        for (const std::exception_ptr &e : errors)
            if (e)
                std::rethrow_exception(e);
        std::vector<float> left(static_cast<std::size_t>(frames), 0.0f), right(static_cast<std::size_t>(frames), 0.0f);
        for (const Part &p : rendered)
            for (std::size_t i = 0; i < p.left.size(); ++i) {
                left[static_cast<std::size_t>(p.start) + i] += p.left[i];
                right[static_cast<std::size_t>(p.start) + i] += p.right[i];
            }
        float peak = 0.0f;
        for (std::size_t i = 0; i < left.size(); ++i)
            peak = std::max({peak, std::abs(left[i]), std::abs(right[i])});
        const auto target = static_cast<float>(std::clamp(options.peak, 0.01, 1.0));
        const float scale = peak > 0.0f ? std::min(kMaxScale, target / peak) : 1.0f;
        Pcm pcm;
        pcm.sampleRate = sampleRate;
        pcm.channels = 2;
        pcm.samples.resize(static_cast<std::size_t>(frames) * 2);
        for (std::size_t i = 0; i < left.size(); ++i) {
            pcm.samples[2 * i] = toSample(left[i], scale);
            pcm.samples[2 * i + 1] = toSample(right[i], scale);
        }
        return pcm;
    }
};

Synthesizer::Synthesizer(const SynthOptions &options) : d_(std::make_unique<Impl>())
{
    silenceFluidLog();
    d_->options = options;
    d_->soundFont = options.soundFont.empty() ? findSoundFont() : options.soundFont;
    if (d_->soundFont.empty())
        throw InputError("SoundFont", "no General MIDI SoundFont found in /usr/share/sounds/sf2 (install Debian's "
                                      "timgm6mb-soundfont, or set FOLKRNN_SOUNDFONT to a .sf2 file)");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(d_->soundFont, ec))
        throw InputError(d_->soundFont, "no such SoundFont file");
    d_->sampleRate = std::clamp(options.sampleRate, 8000, 192000);
    d_->noteEngine = std::make_unique<Engine>(d_->soundFont, d_->sampleRate, options);
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
    const std::int64_t frames = frameAt(p.duration);
    Pcm pcm = d_->play(std::move(changes), program, frames, /*fresh=*/true);
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
    key = std::clamp(key, 0, 127);
    return d_->play({{0, true, key, std::clamp(velocity, 1, 127)}, {held, false, key, 0}}, program, held + tail,
                    /*fresh=*/false);
}

} // namespace folkrnn::audio

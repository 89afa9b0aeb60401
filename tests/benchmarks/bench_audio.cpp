// Times rendering a three-minute tune: tokens -> note events -> MIDI bytes, and -> PCM with
// fluidsynth -> WAV bytes. Target: the WAV well under a second. The SoundFont is loaded once and
// reused (as the player does), so its load is timed on its own.
//   bench_audio [--repeat N] [--soundfont FILE] [--reverb] [--threads N]   (median of N runs, default 5)
#include "core/audio/MidiFile.h"
#include "core/audio/NoteEvents.h"
#include "core/audio/Synthesizer.h"
#include "core/audio/Tempo.h"
#include "core/audio/WavFile.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace folkrnn;

namespace {

// A reel of the folk-rnn samples (config5-wrepeats, tune 3): two parts, repeats and endings.
constexpr const char *kReelBody =
    "|: g e d B c e g c' | b g f d c 2 c d | e g d c e 2 d' c' | b g f d c 2 a b | g c' b g c' g g f | "
    "e d c B G c c e | e a g f e d e g |1 f d B d c 2 d e :| |2 f d B d c 4 |: g f e g f d B d | "
    "e 2 f e d f f a | g e b c g c c d | e 2 f e d c B a | g e f g a f g a | b d f e d e f d | "
    "c e d f a c' b g | f a b d c 2 B 2 :|";

std::vector<std::string> split(const std::string &text)
{
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string t; in >> t;)
        out.push_back(t);
    return out;
}

// Median wall-clock and processor time of `repeat` runs, in ms. On a shared, loaded machine the
// processor time is the steadier measure of the work; the wall clock is what a user waits.
struct Timing {
    double wall = 0;
    double cpu = 0;
};

Timing median(int repeat, const std::function<void()> &f)
{
    std::vector<double> wall, cpu;
    for (int k = 0; k < repeat; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        f();
        cpu.push_back(1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC);
        wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

void report(const char *what, Timing t, const std::string &note = {})
{
    std::printf("%-36s %9.2f ms wall %9.2f ms cpu  %s\n", what, t.wall, t.cpu, note.c_str());
}

} // namespace

int main(int argc, char **argv)
{
    int repeat = 5;
    audio::SynthOptions options;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--soundfont") && i + 1 < argc)
            options.soundFont = argv[++i];
        else if (!std::strcmp(argv[i], "--reverb"))
            options.reverb = true;
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            options.threads = std::max(1, std::atoi(argv[++i]));
    }
    // The reel played over and over until it lasts three minutes at its default tempo.
    std::vector<std::string> tokens{"M:4/4", "K:Cdor"};
    const auto body = split(kReelBody);
    double seconds = 0;
    audio::Performance perf;
    while (seconds < 180.0) {
        tokens.insert(tokens.end(), body.begin(), body.end());
        perf = audio::performTokens(tokens);
        seconds = perf.duration.value() * audio::secondsPerQuarter(4, 4, 0);
    }
    const double spq = audio::secondsPerQuarter(4, 4, 0);
    std::printf("tune: %zu tokens, %zu notes, %.1f s at %.0f bpm\n", tokens.size(), perf.notes.size(), seconds,
                audio::defaultTempo(4, 4));

    std::string midi, wav;
    audio::Pcm pcm;
    const Timing tPerform = median(repeat, [&] { perf = audio::performTokens(tokens); });
    const Timing tMidi = median(repeat, [&] { midi = audio::midiFileBytes(perf, {}); });
    std::unique_ptr<audio::Synthesizer> synth;
    const Timing tLoad = median(1, [&] { synth = std::make_unique<audio::Synthesizer>(options); });
    const Timing tRender = median(repeat, [&] { pcm = synth->render(perf, spq, 0); });
    const Timing tWav = median(repeat, [&] { wav = audio::wavFileBytes(pcm); });
    const Timing tFiddle = median(repeat, [&] { synth->render(perf, spq, 40); });

    char buf[160];
    std::printf("soundfont: %s, reverb %s, %s, %u cores\n", synth->soundFont().c_str(), options.reverb ? "on" : "off",
                options.threads > 0 ? ("threads " + std::to_string(options.threads)).c_str() : "threads: one per core, at most 4",
                std::thread::hardware_concurrency());
    report("tokens -> note events", tPerform);
    report("note events -> MIDI file bytes", tMidi, std::to_string(midi.size()) + " bytes");
    report("load SoundFont (checked once)", tLoad, "(each render loads it again per part: included below)");
    std::snprintf(buf, sizeof buf, "%.1f s of 44.1 kHz stereo, %.0fx real time (cpu)", pcm.seconds(),
                  1000.0 * pcm.seconds() / tRender.cpu);
    report("render PCM (piano)", tRender, buf);
    report("render PCM (fiddle)", tFiddle);
    report("PCM -> WAV file bytes", tWav, std::to_string(wav.size()) + " bytes");
    const Timing total{tPerform.wall + tRender.wall + tWav.wall, tPerform.cpu + tRender.cpu + tWav.cpu};
    report("tokens -> WAV bytes (piano)", total, "target: well under 1000 ms");
    return 0;
}

#include "core/audio/MidiFile.h"

#include "core/audio/Tempo.h"
#include "core/util/AtomicFile.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <tuple>
#include <vector>

namespace folkrnn::audio {

namespace {

std::int64_t ticks(Rational quarters)
{
    return static_cast<std::int64_t>(std::llround(quarters.value() * kMidiDivision));
}

// One track's events, gathered with absolute times and sorted before writing.
class TrackBuilder {
public:
    // `order` breaks ties at one tick: note-offs (0) before meta events (1) before note-ons (2),
    // so a repeated key is released before it is struck again.
    void add(std::int64_t tick, int order, std::string bytes)
    {
        events_.push_back({tick, order, events_.size(), std::move(bytes)});
    }

    void meta(std::int64_t tick, std::uint8_t type, const std::string &data)
    {
        std::string b{'\xFF', static_cast<char>(type)};
        b += vlq(data.size());
        b += data;
        add(tick, 1, b);
    }

    // The chunk, its end-of-track event at `endTick` or after the last event.
    std::string chunk(std::int64_t endTick)
    {
        std::stable_sort(events_.begin(), events_.end(), [](const Event &a, const Event &b) {
            return std::tie(a.tick, a.order, a.seq) < std::tie(b.tick, b.order, b.seq);
        });
        std::string body;
        std::int64_t now = 0;
        for (const Event &e : events_) {
            body += vlq(static_cast<std::uint64_t>(e.tick - now));
            body += e.bytes;
            now = e.tick;
        }
        body += vlq(static_cast<std::uint64_t>(std::max<std::int64_t>(endTick - now, 0)));
        body += std::string("\xFF\x2F\x00", 3); // end of track
        return "MTrk" + be32(body.size()) + body;
    }

    static std::string vlq(std::uint64_t v)
    {
        std::string out(1, static_cast<char>(v & 0x7F));
        while (v >>= 7)
            out.insert(out.begin(), static_cast<char>(0x80 | (v & 0x7F)));
        return out;
    }

    static std::string be32(std::uint64_t v)
    {
        return {static_cast<char>((v >> 24) & 0xFF), static_cast<char>((v >> 16) & 0xFF),
                static_cast<char>((v >> 8) & 0xFF), static_cast<char>(v & 0xFF)};
    }

private:
    struct Event {
        std::int64_t tick;
        int order;
        std::size_t seq;
        std::string bytes;
    };
    std::vector<Event> events_;
};

std::string timeSignature(int num, int den)
{
    int log2den = 0;
    while ((1 << log2den) < den && log2den < 7)
        ++log2den;
    // MIDI clocks (24 per quarter) per metronome click: one click per beat of the meter.
    const int clocks = static_cast<int>(std::lround(24.0 * beatQuarters(num, den).value()));
    return {static_cast<char>(std::clamp(num, 1, 255)), static_cast<char>(log2den),
            static_cast<char>(std::clamp(clocks, 1, 255)), 8};
}

std::string keySignature(const abc::Key &key)
{
    // Sharps or flats of the signature, and minor only for the minor mode (modes are written as
    // the major key with the same signature, as notation programs do).
    const int fifths = std::clamp(key.fifths(), -7, 7);
    return {static_cast<char>(static_cast<std::int8_t>(fifths)), static_cast<char>(key.mode == abc::Mode::Minor ? 1 : 0)};
}

} // namespace

std::string midiFileBytes(const Performance &p, const MidiOptions &options)
{
    const int program = std::clamp(options.program, 0, 127);
    const double secPerQuarter = secondsPerQuarter(p.meterNumerator(), p.meterDenominator(), options.tempo);
    const auto usPerQuarter = static_cast<std::uint32_t>(std::clamp(std::lround(secPerQuarter * 1e6), 1L, 0xFFFFFFL));

    TrackBuilder conductor;
    conductor.meta(0, 0x03, options.title.empty() ? std::string("folk-rnn tune") : options.title);
    conductor.meta(0, 0x51, {static_cast<char>(usPerQuarter >> 16), static_cast<char>((usPerQuarter >> 8) & 0xFF),
                             static_cast<char>(usPerQuarter & 0xFF)});
    for (const MeterMark &m : p.meters)
        conductor.meta(ticks(m.onset), 0x58, timeSignature(m.numerator, m.denominator));
    for (const KeyMark &k : p.keys)
        conductor.meta(ticks(k.onset), 0x59, keySignature(k.key));

    TrackBuilder notes;
    notes.meta(0, 0x03, programName(program));
    notes.add(0, 1, {'\xC0', static_cast<char>(program)});
    for (const NoteEvent &e : p.notes) {
        const std::int64_t on = ticks(e.onset), off = std::max(on + 1, ticks(e.onset + e.length));
        const auto key = static_cast<char>(std::clamp(e.key, 0, 127));
        notes.add(on, 2, {'\x90', key, static_cast<char>(std::clamp(e.velocity, 1, 127))});
        notes.add(off, 0, {'\x80', key, 64});
    }

    std::string file = "MThd" + TrackBuilder::be32(6);
    file += std::string{0, 1, 0, 2}; // format 1, two tracks
    file += {static_cast<char>(kMidiDivision >> 8), static_cast<char>(kMidiDivision & 0xFF)};
    file += conductor.chunk(ticks(p.duration));
    file += notes.chunk(ticks(p.duration));
    return file;
}

void writeMidiFile(const std::filesystem::path &path, const Performance &performance, const MidiOptions &options)
{
    const std::string bytes = midiFileBytes(performance, options);
    writeAtomically(path, [&](const std::filesystem::path &tmp) {
        std::ofstream f(tmp, std::ios::binary);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        f.close();
        if (!f)
            throw InputError(path.string(), "cannot be written");
    });
}

} // namespace folkrnn::audio

#include "core/audio/NoteEvents.h"

#include "core/audio/Repeats.h"
#include "core/audio/Score.h"
#include "core/audio/Tempo.h"

#include <algorithm>
#include <tuple>

namespace folkrnn::audio {

namespace {

// Lays the played items end to end in time (eighths while building: the unit of the score).
class Performer {
public:
    Performer(const std::vector<ScoreItem> &items, std::size_t tokenCount) : items_(items)
    {
        perf_.tokenTimes.resize(tokenCount);
    }

    Performance play()
    {
        for (std::size_t idx : playOrder(items_))
            playItem(items_[idx]);
        finish();
        return std::move(perf_);
    }

private:
    // A note just played that a tie may extend.
    struct Held {
        std::size_t event;
        int letter, octave;
        Rational end; // quarters
    };

    const std::vector<ScoreItem> &items_;
    Performance perf_;
    Rational time_{0};     // eighths
    Rational barStart_{0}; // eighths
    Rational beat_{2};     // eighths
    std::vector<Held> tied_;

    static Rational quarters(Rational eighths) { return eighths * Rational(1, 2); }

    void markTokens(const ScoreItem &item)
    {
        for (int t = item.firstToken; t <= item.lastToken; ++t)
            if (t >= 0 && static_cast<std::size_t>(t) < perf_.tokenTimes.size())
                perf_.tokenTimes[static_cast<std::size_t>(t)].push_back(quarters(time_));
    }

    int velocity() const
    {
        const Rational pos = time_ + Rational(-1) * barStart_;
        if (pos.num == 0)
            return 100;
        return (pos / beat_).den == 1 ? 90 : 80;
    }

    void playNotes(const ScoreItem &item)
    {
        std::vector<Held> tiedNext;
        const Rational onset = quarters(time_);
        for (const ScoreNote &n : item.notes) {
            const Rational length = quarters(n.length);
            auto held = std::find_if(tied_.begin(), tied_.end(), [&](const Held &h) {
                return h.letter == n.letter && h.octave == n.octave && h.end == onset;
            });
            std::size_t event = 0;
            if (held != tied_.end()) {
                event = held->event; // the tied note goes on sounding at its pitch
                NoteEvent &e = perf_.notes[event];
                e.length = e.length + length;
                tied_.erase(held);
            } else {
                NoteEvent e;
                e.key = n.key;
                e.onset = onset;
                e.length = length;
                e.velocity = velocity();
                e.token = n.token;
                event = perf_.notes.size();
                perf_.notes.push_back(e);
            }
            if (item.tie) {
                const NoteEvent &e = perf_.notes[event];
                tiedNext.push_back({event, n.letter, n.octave, e.onset + e.length});
            }
        }
        tied_ = std::move(tiedNext);
    }

    void playItem(const ScoreItem &item)
    {
        markTokens(item);
        switch (item.kind) {
        case ScoreItem::Kind::Notes:
        case ScoreItem::Kind::Rest:
            if (item.kind == ScoreItem::Kind::Notes)
                playNotes(item);
            else
                tied_.clear();
            perf_.timeline.push_back({quarters(time_), quarters(item.length), item.token});
            time_ = time_ + item.length;
            break;
        case ScoreItem::Kind::Bar:
            if (isBarLine(item.bar))
                barStart_ = time_;
            break;
        case ScoreItem::Kind::Meter:
            perf_.meters.push_back({quarters(time_), item.meterNum, item.meterDen, item.token});
            beat_ = beatQuarters(item.meterNum, item.meterDen) * Rational(2);
            barStart_ = time_;
            break;
        case ScoreItem::Kind::Key:
            perf_.keys.push_back({quarters(time_), item.key, item.token});
            break;
        }
    }

    // Same-key notes never overlap: a note that starts while its key sounds cuts the earlier one
    // (a unison keeps the longer), so MIDI note-on/off pairs and synthesizer voices stay matched.
    void separateKeys()
    {
        auto &notes = perf_.notes;
        std::stable_sort(notes.begin(), notes.end(), [](const NoteEvent &a, const NoteEvent &b) {
            return std::tie(a.key, a.onset) < std::tie(b.key, b.onset);
        });
        std::vector<NoteEvent> kept;
        kept.reserve(notes.size());
        for (const NoteEvent &e : notes) {
            if (!kept.empty() && kept.back().key == e.key && e.onset < kept.back().onset + kept.back().length) {
                NoteEvent &prev = kept.back();
                if (prev.onset == e.onset) {
                    if (prev.length < e.length)
                        prev.length = e.length;
                    continue;
                }
                prev.length = e.onset + Rational(-1) * prev.onset;
            }
            kept.push_back(e);
        }
        std::stable_sort(kept.begin(), kept.end(), [](const NoteEvent &a, const NoteEvent &b) {
            return std::tie(a.onset, a.key) < std::tie(b.onset, b.key);
        });
        notes = std::move(kept);
    }

    void finish()
    {
        separateKeys();
        Rational end = quarters(time_);
        for (const NoteEvent &e : perf_.notes)
            if (end < e.onset + e.length)
                end = e.onset + e.length;
        perf_.duration = end;
        if (perf_.meters.empty() || Rational(0) < perf_.meters.front().onset)
            perf_.meters.insert(perf_.meters.begin(), MeterMark{});
        if (perf_.keys.empty() || Rational(0) < perf_.keys.front().onset)
            perf_.keys.insert(perf_.keys.begin(), KeyMark{});
    }
};

} // namespace

Performance performTokens(const std::vector<std::string> &tokens)
{
    return Performer(readScore(tokens), tokens.size()).play();
}

} // namespace folkrnn::audio

#include "core/audio/Score.h"

#include "core/abc/AbcLayout.h"

#include <map>

namespace folkrnn::audio {

using abc::AbcTokenKind;

bool isCompoundMeter(int numerator, int denominator)
{
    return denominator > 0 && numerator > 3 && numerator % 3 == 0;
}

bool isBarLine(const std::string &bar) { return bar != "[1" && bar != "[2"; }

namespace {

// The numeric part of a duration token ("2" of "2>"); 1 when there is none.
Rational durationPart(std::string text)
{
    if (!text.empty() && (text.back() == '>' || text.back() == '<'))
        text.pop_back();
    Rational r{1};
    if (!text.empty())
        abc::parseDurationText(text, r);
    return r;
}

class ScoreReader {
public:
    explicit ScoreReader(const std::vector<std::string> &tokens) : t_(tokens), plan_(abc::planAbc(tokens)) {}

    std::vector<ScoreItem> read()
    {
        for (std::size_t i = 0; i < t_.size(); ++i) {
            const int ti = static_cast<int>(i);
            if (t_[i] == "-") {
                tie(ti);
                continue;
            }
            if (plan_.hidden[i] || plan_.escaped[i])
                continue;
            visit(ti, plan_.kinds[i]);
        }
        finishLengths();
        return std::move(items_);
    }

private:
    // Length factors of an event, known only once the tokens after it are read.
    struct Pending {
        Rational outer{1};             // the duration token after the note, rest or chord
        Rational scale{1};             // tuplet and broken-rhythm factors
        std::vector<Rational> inner;   // per chord note: its own duration token
    };

    const std::vector<std::string> &t_;
    const abc::AbcPlan plan_;
    std::vector<ScoreItem> items_;
    std::vector<Pending> pending_;     // parallel to items_

    std::array<int, 7> signature_{};   // accidental each letter carries under the key
    std::map<int, int> barAccidentals_; // diatonic step (letter + 7 * octave) -> accidental
    int meterNum_ = 4, meterDen_ = 4;
    int tupletLeft_ = 0;
    Rational tupletScale_{1};
    int tupletMark_ = -1;              // a "(p" token waiting for its first note
    Rational nextBroken_{1};           // the right-hand note of a broken rhythm
    int event_ = -1;                   // the item durations and broken marks attach to
    bool inChord_ = false;

    ScoreItem &push(ScoreItem::Kind kind, int token)
    {
        ScoreItem item;
        item.kind = kind;
        item.token = item.firstToken = item.lastToken = token;
        items_.push_back(std::move(item));
        pending_.emplace_back();
        return items_.back();
    }

    void extend(int token)
    {
        if (event_ >= 0)
            items_[static_cast<std::size_t>(event_)].lastToken = token;
    }

    void startEvent(ScoreItem::Kind kind, int token)
    {
        push(kind, token);
        event_ = static_cast<int>(items_.size()) - 1;
        Pending &p = pending_.back();
        p.scale = nextBroken_;
        nextBroken_ = Rational(1);
        if (tupletLeft_ > 0) {
            p.scale = p.scale * tupletScale_;
            --tupletLeft_;
        }
        if (tupletMark_ >= 0) {
            items_.back().firstToken = tupletMark_;
            tupletMark_ = -1;
        }
    }

    ScoreNote resolve(const abc::NoteName &name, int token)
    {
        int accidental = signature_[static_cast<std::size_t>(name.letter)];
        const auto carried = barAccidentals_.find(name.step());
        if (name.accidental) {
            accidental = *name.accidental;
            barAccidentals_[name.step()] = accidental;
        } else if (carried != barAccidentals_.end()) {
            accidental = carried->second;
        }
        ScoreNote n;
        n.key = 60 + name.semitone(accidental);
        n.letter = name.letter;
        n.octave = name.octave;
        n.token = token;
        return n;
    }

    void broken(char mark)
    {
        if (event_ < 0)
            return;
        Pending &p = pending_[static_cast<std::size_t>(event_)];
        p.scale = p.scale * (mark == '>' ? Rational(3, 2) : Rational(1, 2));
        nextBroken_ = mark == '>' ? Rational(1, 2) : Rational(3, 2);
    }

    void tie(int token)
    {
        // A tie joins the note just written to the next one; anywhere else it means nothing.
        if (event_ < 0 || inChord_ || items_[static_cast<std::size_t>(event_)].lastToken != token - 1 ||
            items_[static_cast<std::size_t>(event_)].kind != ScoreItem::Kind::Notes)
            return;
        items_[static_cast<std::size_t>(event_)].tie = true;
        extend(token);
    }

    void visit(int i, AbcTokenKind kind)
    {
        const std::string &tok = t_[static_cast<std::size_t>(i)];
        switch (kind) {
        case AbcTokenKind::Meter: {
            event_ = -1;
            ScoreItem &m = push(ScoreItem::Kind::Meter, i);
            abc::parseMeterToken(tok, m.meterNum, m.meterDen);
            meterNum_ = m.meterNum;
            meterDen_ = m.meterDen;
            break;
        }
        case AbcTokenKind::Mode: {
            event_ = -1;
            ScoreItem &k = push(ScoreItem::Kind::Key, i);
            abc::parseModeToken(tok, k.key);
            signature_ = k.key.signature();
            barAccidentals_.clear();
            break;
        }
        case AbcTokenKind::Pitch: {
            abc::NoteName name;
            abc::parseNoteName(tok, name);
            if (!inChord_)
                startEvent(ScoreItem::Kind::Notes, i);
            ScoreItem &item = items_[static_cast<std::size_t>(event_)];
            if (item.notes.empty())
                item.token = i;
            item.notes.push_back(resolve(name, i));
            pending_[static_cast<std::size_t>(event_)].inner.push_back(Rational(1));
            extend(i);
            break;
        }
        case AbcTokenKind::Rest:
            inChord_ = false;
            startEvent(ScoreItem::Kind::Rest, i);
            break;
        case AbcTokenKind::ChordOpen:
            startEvent(ScoreItem::Kind::Notes, i);
            inChord_ = true;
            break;
        case AbcTokenKind::ChordClose:
            inChord_ = false;
            extend(i);
            break;
        case AbcTokenKind::Duration: {
            if (event_ < 0)
                break;
            Pending &p = pending_[static_cast<std::size_t>(event_)];
            if (inChord_ && !p.inner.empty())
                p.inner.back() = durationPart(tok);
            else
                p.outer = durationPart(tok);
            extend(i);
            if (tok.back() == '>' || tok.back() == '<')
                broken(tok.back());
            break;
        }
        case AbcTokenKind::Broken:
            broken(tok[0]);
            extend(i);
            break;
        case AbcTokenKind::Tuplet: {
            event_ = -1;
            const int p = tok[1] - '0';
            int q = isCompoundMeter(meterNum_, meterDen_) ? 3 : 2;
            if (p == 2 || p == 4 || p == 8)
                q = 3;
            else if (p == 3 || p == 6)
                q = 2;
            tupletLeft_ = p;
            tupletScale_ = Rational(q, p);
            tupletMark_ = i;
            break;
        }
        case AbcTokenKind::Bar: {
            event_ = -1;
            inChord_ = false;
            ScoreItem &b = push(ScoreItem::Kind::Bar, i);
            b.bar = tok;
            if (isBarLine(tok))
                barAccidentals_.clear();
            break;
        }
        default:
            break;
        }
    }

    void finishLengths()
    {
        for (std::size_t k = 0; k < items_.size(); ++k) {
            ScoreItem &item = items_[k];
            const Pending &p = pending_[k];
            if (item.kind == ScoreItem::Kind::Rest) {
                item.length = p.outer * p.scale;
            } else if (item.kind == ScoreItem::Kind::Notes) {
                for (std::size_t n = 0; n < item.notes.size(); ++n)
                    item.notes[n].length = p.inner[n] * p.outer * p.scale;
                // A chord lasts as long as its first note; a chord with no notes, as a rest.
                item.length = (item.notes.empty() ? Rational(1) : p.inner.front()) * p.outer * p.scale;
            }
        }
    }
};

} // namespace

std::vector<ScoreItem> readScore(const std::vector<std::string> &tokens) { return ScoreReader(tokens).read(); }

} // namespace folkrnn::audio

#include "core/abc/AbcTokenizer.h"

#include "core/abc/AbcLexer.h"

namespace folkrnn::abc {

namespace {

int pitchClass(int semitones) { return ((semitones % 12) + 12) % 12; }

Rational parseUnit(const std::string &value)
{
    Rational r;
    const std::string v = value.find('/') == std::string::npos ? value + "/1" : value;
    if (!parseDurationText(v, r))
        throw AbcSkip("L:" + value + " is not a note length");
    return r;
}

std::string meterTokenFor(const std::string &value, const char *where)
{
    int n = 0, d = 0;
    if (!parseMeterField(value, n, d))
        throw AbcSkip(std::string(where) + "M:" + value + " cannot be said as a folk-rnn meter token");
    return "M:" + std::to_string(n) + "/" + std::to_string(d);
}

// The q a tuplet "(p" gets when q is not written (ABC 2.1, 4.13).
int defaultTupletQ(int p, int meterNumerator)
{
    const bool compound = meterNumerator % 3 == 0 && meterNumerator > 3;
    switch (p) {
    case 2: return 3;
    case 3: return 2;
    case 4: return 3;
    case 6: return 2;
    case 8: return 3;
    default: return compound ? 3 : 2;
    }
}

class Converter {
public:
    Converter(const AbcSourceTune &tune, TuneConversion &result) : tune_(tune), r_(result) {}

    void run()
    {
        if (!tune_.headerProblem.empty())
            throw AbcSkip(tune_.headerProblem);
        readHeader();
        events_ = lexAbcBody(tune_.body);
        applyLeadingFields();
        if (meter_.empty())
            throw AbcSkip("no meter (M:): folk-rnn tunes start with a meter token");
        if (!isFolkRnnMode(key_.mode))
            throw AbcSkip("mode " + std::string(modeName(key_.mode)) + " (K:" + abcKeyText(key_) +
                          ") is not major, minor, dorian or mixolydian");
        r_.sourceKey = key_;
        r_.transposition = transpositionToC(key_, sourcePitches());
        emit();
    }

private:
    const AbcSourceTune &tune_;
    TuneConversion &r_;
    std::vector<AbcEvent> events_;
    std::size_t start_ = 0; // first event after the fields that precede the music
    std::string meter_;
    int meterNumerator_ = 4;
    Rational unit_{1, 8};
    Key key_;

    void setMeter(const std::string &value, const char *where)
    {
        meter_ = meterTokenFor(value, where);
        int d = 0;
        parseMeterField(value, meterNumerator_, d);
    }

    void setKey(const std::string &value)
    {
        std::string problem;
        if (!parseKeyField(value, key_, problem))
            throw AbcSkip(problem);
    }

    void readHeader()
    {
        std::string meter, unit, key;
        bool hasMeter = false, hasUnit = false;
        for (const auto &[name, value] : tune_.header) {
            if (name == 'M') {
                meter = value;
                hasMeter = true;
            } else if (name == 'L') {
                unit = value;
                hasUnit = true;
            } else if (name == 'K') {
                key = value;
            } else if (name == 'V') {
                throw AbcSkip("voices (V:) cannot be said");
            }
        }
        if (hasMeter && meter == "none")
            throw AbcSkip("M:none (free meter) cannot be said: folk-rnn tunes start with a meter token");
        if (hasMeter)
            setMeter(meter, "");
        setKey(key);
        if (hasUnit) {
            unit_ = parseUnit(unit);
        } else if (hasMeter) {
            // ABC 2.1 3.1.7: without L:, meters below 3/4 have 1/16 notes.
            int n = 4, d = 4;
            parseMeterField(meter, n, d);
            unit_ = 4 * n < 3 * d ? Rational(1, 16) : Rational(1, 8);
        }
    }

    // Field lines between K: and the first note belong to the tune's start ("K:A\nM:6/8"):
    // the meter and key in force at the first note are the tune's meter and mode tokens.
    void applyLeadingFields()
    {
        for (; start_ < events_.size(); ++start_) {
            const AbcEvent &e = events_[start_];
            if (e.kind != AbcEvent::Kind::Field || e.inlineField)
                break;
            if (e.field == 'M')
                setMeter(e.value, "");
            else if (e.field == 'K')
                setKey(e.value);
            else if (e.field == 'L')
                unit_ = parseUnit(e.value);
            else if (e.field == 'V')
                throw AbcSkip("voices (V:) cannot be said");
        }
    }

    std::vector<int> sourcePitches() const
    {
        std::vector<int> pitches;
        AccidentalState state(key_.signature());
        for (std::size_t k = start_; k < events_.size(); ++k) {
            const AbcEvent &e = events_[k];
            if (e.kind == AbcEvent::Kind::Note)
                pitches.push_back(state.apply(e.note));
            else if (e.kind == AbcEvent::Kind::Bar)
                state.newBar();
            else if (e.kind == AbcEvent::Kind::Field && e.field == 'K') {
                Key k2;
                std::string problem;
                if (parseKeyField(e.value, k2, problem))
                    state.setSignature(k2.signature());
            }
        }
        return pitches;
    }

    [[noreturn]] static void fail(const AbcEvent &e, const std::string &what)
    {
        throw AbcSkip("line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": " + what);
    }

    void emitLength(const AbcEvent &e)
    {
        const std::string d = (e.length * unit_ * Rational(8)).durationText();
        auto &t = r_.tokens;
        if (e.broken.empty()) {
            if (!d.empty())
                t.push_back(d);
            return;
        }
        if (e.broken.size() > 1)
            fail(e, "broken rhythm " + e.broken + " cannot be said: folk-rnn has only > and <");
        if (e.brokenGlued && !d.empty()) {
            t.push_back(d + e.broken);
            return;
        }
        if (!d.empty())
            t.push_back(d);
        t.push_back(e.broken);
    }

    void midTuneKey(const AbcEvent &e, Respeller &resp)
    {
        Key k;
        std::string problem;
        if (!parseKeyField(e.value, k, problem))
            fail(e, problem);
        resp.setSourceSignature(k.signature());
        // Only a change of mode on the same tonic has a token; any other key change is kept
        // exactly by the accidentals the respeller writes.
        if (pitchClass(k.tonicSemitone()) == pitchClass(key_.tonicSemitone()) && isFolkRnnMode(k.mode)) {
            const Key target{0, 0, k.mode};
            r_.tokens.push_back(modeToken(target));
            resp.setTargetSignature(target.signature());
        }
    }

    void emit()
    {
        const Key target{0, 0, key_.mode};
        Respeller resp(r_.transposition, key_.signature(), target.signature());
        auto &t = r_.tokens;
        t = {meter_, modeToken(target)};
        for (std::size_t k = start_; k < events_.size(); ++k) {
            const AbcEvent &e = events_[k];
            switch (e.kind) {
            case AbcEvent::Kind::Note:
                t.push_back(noteText(resp.spell(e.note)));
                emitLength(e);
                break;
            case AbcEvent::Kind::Rest:
                t.push_back(std::string(1, e.rest));
                emitLength(e);
                break;
            case AbcEvent::Kind::ChordStart:
                t.push_back("[");
                break;
            case AbcEvent::Kind::ChordEnd:
                t.push_back("]");
                emitLength(e);
                break;
            case AbcEvent::Kind::Tuplet:
                if (e.tupletP < 2 || e.tupletP > 9)
                    fail(e, "tuplet (" + std::to_string(e.tupletP) + " cannot be said");
                if ((e.tupletQ != 0 && e.tupletQ != defaultTupletQ(e.tupletP, meterNumerator_)) ||
                    (e.tupletR != 0 && e.tupletR != e.tupletP))
                    fail(e, "tuplet (" + std::to_string(e.tupletP) + ":" + std::to_string(e.tupletQ) + ":" +
                                std::to_string(e.tupletR) + " cannot be said: folk-rnn has only plain tuplets like (3");
                t.push_back("(" + std::to_string(e.tupletP));
                break;
            case AbcEvent::Kind::Bar:
                t.insert(t.end(), e.tokens.begin(), e.tokens.end());
                resp.newBar();
                break;
            case AbcEvent::Kind::Escape:
                t.insert(t.end(), e.tokens.begin(), e.tokens.end());
                break;
            case AbcEvent::Kind::Field:
                if (e.field == 'M')
                    t.push_back(meterTokenFor(e.value, ("line " + std::to_string(e.line) + ": ").c_str()));
                else if (e.field == 'L')
                    unit_ = parseUnit(e.value);
                else if (e.field == 'K')
                    midTuneKey(e, resp);
                else if (e.field == 'V')
                    fail(e, "voices (V:) cannot be said");
                break;
            }
        }
    }
};

} // namespace

TuneConversion tokenizeTune(const AbcSourceTune &tune, const std::string &sourceName)
{
    TuneConversion r;
    r.number = tune.number;
    r.title = tune.title;
    r.where = sourceName + ":" + std::to_string(tune.firstLine);
    if (!tune.number.empty() || !tune.title.empty()) {
        r.where += " (";
        if (!tune.number.empty())
            r.where += "X:" + tune.number + (tune.title.empty() ? "" : " ");
        if (!tune.title.empty())
            r.where += "\"" + tune.title + "\"";
        r.where += ")";
    }
    try {
        Converter(tune, r).run();
        r.converted = true;
    } catch (const AbcSkip &e) {
        r.converted = false;
        r.reason = e.what();
        r.tokens.clear();
    }
    return r;
}

std::vector<TuneConversion> tokenizeAbc(const std::string &text, const std::string &sourceName)
{
    std::vector<TuneConversion> out;
    for (const AbcSourceTune &tune : splitAbcTunes(text))
        out.push_back(tokenizeTune(tune, sourceName));
    return out;
}

} // namespace folkrnn::abc

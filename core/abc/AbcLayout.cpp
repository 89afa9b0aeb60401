#include "core/abc/AbcLayout.h"

#include "core/abc/Pitch.h"
#include "core/abc/Rational.h"

#include <cctype>

namespace folkrnn::abc {

namespace {

bool isEnding(const std::string &t) { return t == "|1" || t == "|2" || t == "[1" || t == "[2"; }

// The numeric part of a duration token ("2" of "2>"); 1 for anything else.
Rational durationOf(const std::string &token)
{
    std::string num = token;
    if (!num.empty() && (num.back() == '>' || num.back() == '<'))
        num.pop_back();
    Rational r{1};
    if (!num.empty())
        parseDurationText(num, r);
    return r;
}

bool hasBrokenSuffix(const std::string &t) { return !t.empty() && (t.back() == '>' || t.back() == '<'); }

// Walks the placed tokens once and reports the first one that would make the ABC invalid.
class Checker {
public:
    Checker(const std::vector<std::string> &tokens, const AbcPlan &plan) : t_(tokens), p_(plan)
    {
        for (std::size_t i = plan.bodyStart; i < tokens.size(); ++i)
            if (!plan.escaped[i] && !plan.hidden[i])
                idx_.push_back(static_cast<int>(i));
    }

    int firstViolation()
    {
        for (k_ = 0; k_ < idx_.size(); ++k_) {
            const int bad = visit();
            if (bad >= 0)
                return bad;
        }
        return open_ ? openIdx_ : -1;
    }

private:
    const std::vector<std::string> &t_;
    const AbcPlan &p_;
    std::vector<int> idx_; // placed body tokens
    std::size_t k_ = 0;

    // The note, rest or chord just written, that a duration or broken rhythm attaches to.
    struct Event {
        bool valid = false;
        int lastToken = -1;
        Rational length{1};
        bool shortened = false; // right-hand note of a broken rhythm
        bool hasBroken = false;
        bool innerLengths = false; // a chord with lengths on its notes
        bool inTuplet = false;
    } ev_;
    bool pendingRight_ = false;

    int tupletLeft_ = 0; // notes still to come in the current tuplet

    bool open_ = false;      // a "|:" or "::" waits for its ":|"
    int openIdx_ = -1;
    bool afterClose_ = false; // a ":|" was passed since the last "|:"
    bool anyRepeat_ = false;  // any "|:", ":|" or "::" so far
    bool firstEnding_ = false; // a first ending since the last "|:"
    bool closedRepeat_ = false; // the last ":|" closed a first ending
    int ending_ = 0;

    AbcTokenKind kind(int i) const { return p_.kinds[static_cast<std::size_t>(i)]; }
    const std::string &text(int i) const { return t_[static_cast<std::size_t>(i)]; }
    bool placedAt(std::size_t k, int i) const { return k < idx_.size() && idx_[k] == i; }

    // End of a well-formed chord opening at placed position k: "[" (pitch duration?)+ "]", all
    // placed and contiguous; -1 if there is none. `inner` tells whether notes carry lengths.
    std::size_t chordClose(std::size_t k, bool &inner) const
    {
        inner = false;
        int i = idx_[k];
        bool anyPitch = false;
        for (std::size_t m = k + 1; m < idx_.size(); ++m) {
            if (idx_[m] != ++i)
                return 0;
            const AbcTokenKind c = kind(i);
            if (c == AbcTokenKind::ChordClose)
                return anyPitch ? m : 0;
            if (c == AbcTokenKind::Pitch) {
                anyPitch = true;
            } else if (c == AbcTokenKind::Duration && kind(idx_[m - 1]) == AbcTokenKind::Pitch &&
                       !hasBrokenSuffix(text(i))) {
                inner = true;
            } else {
                return 0;
            }
        }
        return 0;
    }

    // Written length of the note, rest or chord starting at placed position k, or false.
    bool eventLength(std::size_t k, Rational &len) const
    {
        std::size_t last = k;
        if (kind(idx_[k]) == AbcTokenKind::ChordOpen) {
            bool inner = false;
            last = chordClose(k, inner);
            if (last == 0 || inner)
                return false;
        } else if (kind(idx_[k]) != AbcTokenKind::Pitch && kind(idx_[k]) != AbcTokenKind::Rest) {
            return false;
        }
        len = Rational(1);
        if (placedAt(last + 1, idx_[last] + 1) && kind(idx_[last + 1]) == AbcTokenKind::Duration)
            len = durationOf(text(idx_[last + 1]));
        return true;
    }

    // A broken rhythm at placed position k (a ">" or a duration "2>") joining ev_ and what follows.
    bool brokenOk(std::size_t k)
    {
        const int i = idx_[k];
        // abc2midi compares lengths after tuplet scaling (and tuplets run across bar lines), so
        // neither note may belong to a tuplet.
        if (!ev_.valid || ev_.shortened || ev_.hasBroken || ev_.innerLengths || ev_.inTuplet || tupletLeft_ > 0)
            return false;
        if (!placedAt(k + 1, i + 1))
            return false;
        Rational right;
        if (!eventLength(k + 1, right) || !(right == ev_.length))
            return false;
        ev_.hasBroken = true;
        pendingRight_ = true;
        return true;
    }

    void startEvent(int lastToken, bool innerLengths)
    {
        const bool inTuplet = tupletLeft_ > 0;
        if (tupletLeft_ > 0)
            --tupletLeft_;
        ev_ = Event{};
        ev_.inTuplet = inTuplet;
        ev_.valid = true;
        ev_.lastToken = lastToken;
        ev_.shortened = pendingRight_;
        ev_.innerLengths = innerLengths;
        pendingRight_ = false;
    }

    int visit()
    {
        const int i = idx_[k_];
        const int prev = k_ > 0 ? idx_[k_ - 1] : -1;
        const bool adjacent = prev >= 0 && i == prev + 1;
        switch (kind(i)) {
        case AbcTokenKind::Pitch:
        case AbcTokenKind::Rest:
            startEvent(i, false);
            return -1;
        case AbcTokenKind::ChordOpen: {
            bool inner = false;
            const std::size_t close = chordClose(k_, inner);
            if (close == 0)
                return i;
            k_ = close;
            startEvent(idx_[close], inner);
            return -1;
        }
        case AbcTokenKind::Duration:
            if (!adjacent || !ev_.valid || ev_.lastToken != prev ||
                (kind(prev) != AbcTokenKind::Pitch && kind(prev) != AbcTokenKind::Rest &&
                 kind(prev) != AbcTokenKind::ChordClose))
                return i;
            ev_.length = durationOf(text(i));
            ev_.lastToken = i;
            if (hasBrokenSuffix(text(i)) && !brokenOk(k_))
                return i;
            return -1;
        case AbcTokenKind::Broken:
            if (!adjacent || !ev_.valid || ev_.lastToken != prev || !brokenOk(k_))
                return i;
            ev_.lastToken = i;
            return -1;
        case AbcTokenKind::Tuplet: {
            ev_.valid = false;
            Rational len;
            if (tupletLeft_ > 0 || !placedAt(k_ + 1, i + 1) || !eventLength(k_ + 1, len))
                return i; // abc2midi refuses nested tuplets
            tupletLeft_ = text(i)[1] - '0';
            return -1;
        }
        case AbcTokenKind::Bar:
            ev_.valid = false;
            return bar(i);
        case AbcTokenKind::Meter:
        case AbcTokenKind::Mode:
            ev_.valid = false;
            return -1;
        default: // a "]" outside a chord, or anything not yet escaped
            return i;
        }
    }

    // Repeats and endings, as abc2midi plays them: a "|:" may not open while one is open, an
    // ending may not start inside another, a first ending must be closed by ":|" or "::", a
    // second one must follow ":|", and every "|:" needs its ":|".
    int bar(int i)
    {
        const std::string &b = text(i);
        if (b == "||") {
            ending_ = 0;
        } else if (b == "|:") {
            if (open_)
                return i;
            open_ = true;
            openIdx_ = i;
            afterClose_ = false;
            anyRepeat_ = true;
            firstEnding_ = false;
            ending_ = 0;
        } else if (b == ":|") {
            // Closing a second ending with ":|" makes abc2midi play a third time, skipping endings
            // it then cannot close.
            if (ending_ == 2)
                return i;
            closedRepeat_ = firstEnding_;
            ending_ = 0;
            open_ = false;
            afterClose_ = true;
            anyRepeat_ = true;
            firstEnding_ = false;
        } else if (b == "::") {
            if (!open_ && anyRepeat_)
                return i; // abc2midi: ":: before |:"
            closedRepeat_ = firstEnding_;
            ending_ = 0;
            open_ = true;
            openIdx_ = i;
            afterClose_ = true;
            anyRepeat_ = true;
            firstEnding_ = false;
        } else if (isEnding(b)) {
            if (ending_ != 0)
                return i;
            if (b.back() == '1') {
                // After a ":|" with no "|:" since, abc2midi takes a first ending only when that
                // ":|" closed endings too ("|1 .. :| [2 .. || .. [1 .. :| [2"); otherwise it
                // reports a first ending before "|:".
                if (!open_ && afterClose_ && !closedRepeat_)
                    return i;
                bool closed = false;
                for (std::size_t m = k_ + 1; m < idx_.size() && !closed; ++m) {
                    if (kind(idx_[m]) != AbcTokenKind::Bar)
                        continue;
                    const std::string &n = text(idx_[m]);
                    if (n == ":|" || n == "::")
                        closed = true;
                    else if (n == "||" || n == "|:" || isEnding(n))
                        return i;
                }
                if (!closed)
                    return i;
                ending_ = 1;
                firstEnding_ = true;
            } else {
                if (k_ == 0 || text(idx_[k_ - 1]) != ":|" || !closedRepeat_)
                    return i;
                ending_ = 2;
            }
        }
        return -1;
    }
};

} // namespace

AbcTokenKind abcTokenKind(const std::string &t)
{
    if (t == "<s>" || t == "</s>")
        return AbcTokenKind::Special;
    int n = 0, d = 0;
    if (parseMeterToken(t, n, d))
        return AbcTokenKind::Meter;
    Key key;
    if (parseModeToken(t, key))
        return AbcTokenKind::Mode;
    if (t == "z" || t == "x")
        return AbcTokenKind::Rest;
    NoteName note;
    if (parseNoteName(t, note))
        return noteText(note) == t ? AbcTokenKind::Pitch : AbcTokenKind::Other;
    if (t == ">" || t == "<")
        return AbcTokenKind::Broken;
    if (t == "[")
        return AbcTokenKind::ChordOpen;
    if (t == "]")
        return AbcTokenKind::ChordClose;
    if (t == "|" || t == "||" || t == "|:" || t == ":|" || t == "::" || isEnding(t))
        return AbcTokenKind::Bar;
    if (t.size() == 2 && t[0] == '(' && t[1] >= '2' && t[1] <= '9')
        return AbcTokenKind::Tuplet;
    std::string num = t;
    if (hasBrokenSuffix(num))
        num.pop_back();
    Rational r;
    // abc2midi plays only lengths with power-of-two denominators ("/3" needs a tuplet).
    if (!num.empty() && parseDurationText(num, r) && r.durationText() == num && (r.den & (r.den - 1)) == 0)
        return AbcTokenKind::Duration;
    return AbcTokenKind::Other;
}

AbcPlan planAbc(const std::vector<std::string> &tokens)
{
    AbcPlan p;
    const std::size_t n = tokens.size();
    p.kinds.resize(n);
    p.escaped.assign(n, false);
    p.hidden.assign(n, false);
    for (std::size_t i = 0; i < n; ++i)
        p.kinds[i] = abcTokenKind(tokens[i]);
    std::size_t h = 0;
    if (h < n && tokens[h] == "<s>")
        p.hidden[h++] = true;
    if (n > h && tokens[n - 1] == "</s>")
        p.hidden[n - 1] = true;
    if (h < n && p.kinds[h] == AbcTokenKind::Meter)
        p.headerMeter = static_cast<int>(h++);
    if (h < n && p.kinds[h] == AbcTokenKind::Mode)
        p.headerMode = static_cast<int>(h++);
    p.bodyStart = h;
    for (std::size_t i = h; i < n; ++i)
        if (!p.hidden[i] && (p.kinds[i] == AbcTokenKind::Special || p.kinds[i] == AbcTokenKind::Other))
            p.escaped[i] = true;
    // Each pass escapes the first offending token and checks again from the start: checks that
    // look ahead (chords, broken rhythms, tuplets, first endings) may have relied on it. Every
    // pass escapes one more token, so this ends after at most one pass per token.
    for (;;) {
        const int bad = Checker(tokens, p).firstViolation();
        if (bad < 0)
            break;
        p.escaped[static_cast<std::size_t>(bad)] = true;
    }
    return p;
}

} // namespace folkrnn::abc

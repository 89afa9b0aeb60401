#include "core/abc/TokensToAbc.h"

#include "core/abc/AbcLayout.h"
#include "core/abc/AbcLexer.h"
#include "core/abc/Pitch.h"
#include "core/abc/Rational.h"

#include <algorithm>
#include <cctype>

namespace folkrnn {

using namespace abc;

namespace {

// Text that cannot break out of a header line or an annotation string.
std::string clean(std::string s, char bad, char with)
{
    for (char &c : s)
        if (c == '\n' || c == '\r' || c == bad)
            c = with;
    return s;
}

// Body text with beams broken at beats and line breaks every few bars. Tracks time only to
// place spaces; the music is the tokens.
class BodyWriter {
public:
    BodyWriter(const std::vector<std::string> &tokens, const AbcPlan &plan, AbcRendering &r, int barsPerLine)
        : t_(tokens), p_(plan), r_(r), out_(r.text), barsPerLine_(std::max(1, barsPerLine))
    {
        int n = 4, d = 4;
        if (plan.headerMeter >= 0)
            parseMeterToken(tokens[static_cast<std::size_t>(plan.headerMeter)], n, d);
        setBeat(n, d);
    }

    void write()
    {
        const std::size_t n = t_.size();
        for (std::size_t i = p_.bodyStart; i < n;) {
            if (p_.hidden[i]) {
                r_.spans[i] = {out_.size(), out_.size()};
                ++i;
            } else if (p_.escaped[i]) {
                i = writeEscaped(i);
            } else {
                writeToken(i);
                ++i;
            }
        }
        while (!out_.empty() && out_.back() == ' ')
            out_.pop_back();
        if (out_.empty() || out_.back() != '\n')
            out_ += '\n';
        if (n > 0 && p_.hidden[n - 1])
            r_.spans[n - 1] = {out_.size() - 1, out_.size() - 1};
    }

private:
    const std::vector<std::string> &t_;
    const AbcPlan &p_;
    AbcRendering &r_;
    std::string &out_;
    int barsPerLine_;
    int barsOnLine_ = 0;
    bool pendingBreak_ = false;
    bool needSpace_ = false;
    bool inChord_ = false;
    AbcTokenKind prev_ = AbcTokenKind::Special;
    // beat tracking, in eighths
    Rational beat_{2};
    Rational pos_{0};
    Rational len_{1}, scale_{1}, nextScale_{1}, tupletScale_{1};
    bool eventOpen_ = false;
    int tupletLeft_ = 0;

    void setBeat(int num, int den)
    {
        if (den == 8)
            beat_ = Rational(num % 3 == 0 ? 3 : 2);
        else if (den == 4)
            beat_ = Rational(num == 4 ? 4 : 2);
        else
            beat_ = Rational(4);
    }

    void place(std::size_t i, const std::string &text)
    {
        const std::size_t b = out_.size();
        out_ += text;
        r_.spans[i] = {b, out_.size()};
    }

    void separate()
    {
        if (!out_.empty() && out_.back() != ' ' && out_.back() != '\n')
            out_ += ' ';
    }

    void closeEvent()
    {
        if (eventOpen_)
            pos_ = pos_ + len_ * scale_;
        eventOpen_ = false;
    }

    // Before a note, rest, chord, tuplet or inline field: a line break or a beat gap.
    void beforeStart(bool isEvent)
    {
        closeEvent();
        if (pendingBreak_) {
            while (!out_.empty() && out_.back() == ' ')
                out_.pop_back();
            out_ += '\n';
            pendingBreak_ = false;
            barsOnLine_ = 0;
        } else if (needSpace_ ||
                   (isEvent && pos_.num > 0 && tupletLeft_ == 0 && prev_ != AbcTokenKind::Broken &&
                    prev_ != AbcTokenKind::Tuplet && (pos_ / beat_).den == 1)) {
            separate();
        }
        needSpace_ = false;
    }

    void startEvent()
    {
        eventOpen_ = true;
        len_ = Rational(1);
        scale_ = nextScale_;
        nextScale_ = Rational(1);
        if (tupletLeft_ > 0) {
            scale_ = scale_ * tupletScale_;
            --tupletLeft_;
        }
    }

    void broken(char mark)
    {
        scale_ = scale_ * (mark == '>' ? Rational(3, 2) : Rational(1, 2));
        nextScale_ = mark == '>' ? Rational(1, 2) : Rational(3, 2);
    }

    void writeToken(std::size_t i)
    {
        const std::string &tok = t_[i];
        const AbcTokenKind kind = p_.kinds[i];
        switch (kind) {
        case AbcTokenKind::Bar:
            closeEvent();
            pos_ = Rational(0);
            tupletLeft_ = 0;
            if (pendingBreak_ && (tok == "|:" || tok[0] == '[' || std::isdigit(static_cast<unsigned char>(tok.back())))) {
                // A line starts with its repeat or ending sign rather than ending with it.
                while (!out_.empty() && out_.back() == ' ')
                    out_.pop_back();
                out_ += '\n';
                pendingBreak_ = false;
                barsOnLine_ = 0;
            }
            separate();
            place(i, tok);
            needSpace_ = true;
            if (tok != "[1" && tok != "[2" && ++barsOnLine_ >= barsPerLine_)
                pendingBreak_ = true;
            break;
        case AbcTokenKind::Pitch:
        case AbcTokenKind::Rest:
            if (!inChord_) {
                beforeStart(true);
                startEvent();
            }
            place(i, tok);
            break;
        case AbcTokenKind::ChordOpen:
            beforeStart(true);
            startEvent();
            inChord_ = true;
            place(i, tok);
            break;
        case AbcTokenKind::ChordClose:
            inChord_ = false;
            place(i, tok);
            break;
        case AbcTokenKind::Duration: {
            place(i, tok);
            if (!inChord_) {
                std::string num = tok;
                if (num.back() == '>' || num.back() == '<') {
                    num.pop_back();
                    broken(tok.back());
                }
                parseDurationText(num, len_);
            }
            break;
        }
        case AbcTokenKind::Broken:
            if (prev_ == AbcTokenKind::Duration)
                out_ += ' '; // "A2 >B2": a glued "2>" would read back as one token
            place(i, tok);
            broken(tok[0]);
            break;
        case AbcTokenKind::Tuplet: {
            beforeStart(true);
            const int p = tok[1] - '0';
            const bool compound = beat_ == Rational(3);
            const int q = p == 3 ? 2 : p == 2 ? 3 : p == 4 ? 3 : p == 6 ? 2 : p == 8 ? 3 : compound ? 3 : 2;
            tupletLeft_ = p;
            tupletScale_ = Rational(q, p);
            place(i, tok);
            break;
        }
        case AbcTokenKind::Meter: {
            beforeStart(false);
            place(i, "[" + tok + "]");
            int n = 4, d = 4;
            parseMeterToken(tok, n, d);
            setBeat(n, d);
            needSpace_ = true;
            break;
        }
        case AbcTokenKind::Mode: {
            beforeStart(false);
            Key key;
            parseModeToken(tok, key);
            place(i, "[K:" + abcKeyText(key) + "]");
            needSpace_ = true;
            break;
        }
        default:
            break;
        }
        prev_ = kind;
    }

    std::size_t writeEscaped(std::size_t i)
    {
        separate();
        out_ += '"';
        out_ += kEscapePrefix;
        for (; i < t_.size() && p_.escaped[i] && !p_.hidden[i]; ++i) {
            out_ += ' ';
            place(i, clean(t_[i], '"', '\''));
        }
        out_ += '"';
        prev_ = AbcTokenKind::Other;
        return i;
    }
};

} // namespace

std::size_t AbcRendering::escapedCount() const { return static_cast<std::size_t>(std::count(escaped.begin(), escaped.end(), true)); }

int AbcRendering::tokenAt(std::size_t offset) const
{
    int best = -1;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        if (spans[k].begin <= offset && offset < spans[k].end)
            return static_cast<int>(k);
        if (spans[k].end > spans[k].begin && spans[k].begin <= offset &&
            (best < 0 || spans[static_cast<std::size_t>(best)].begin < spans[k].begin))
            best = static_cast<int>(k);
    }
    return best;
}

AbcRendering tokensToAbc(const std::vector<std::string> &tokens, const AbcWriteOptions &options)
{
    const AbcPlan plan = planAbc(tokens);
    AbcRendering r;
    r.spans.resize(tokens.size());
    r.escaped = plan.escaped;
    std::string &out = r.text;
    out = "X:" + std::to_string(options.number) + "\n";
    if (!options.title.empty())
        out += "T:" + clean(options.title, '\n', ' ') + "\n";
    if (plan.headerMeter >= 0) {
        const auto m = static_cast<std::size_t>(plan.headerMeter);
        r.spans[m] = {out.size(), out.size() + tokens[m].size()};
        out += tokens[m] + "\n";
    } else {
        out += "M:none\n";
    }
    out += "L:1/8\n";
    if (plan.headerMode >= 0) {
        const auto m = static_cast<std::size_t>(plan.headerMode);
        Key key;
        parseModeToken(tokens[m], key);
        const std::string field = "K:" + abcKeyText(key);
        r.spans[m] = {out.size(), out.size() + field.size()};
        out += field + "\n";
    } else {
        out += "K:none\n";
    }
    for (std::size_t i = 0; i < plan.bodyStart; ++i)
        if (plan.hidden[i])
            r.spans[i] = {out.size(), out.size()};
    BodyWriter(tokens, plan, r, options.barsPerLine).write();
    return r;
}

std::string corpusToAbc(const std::vector<TokenTune> &tunes)
{
    std::string out;
    for (std::size_t k = 0; k < tunes.size(); ++k) {
        AbcWriteOptions o;
        o.number = static_cast<int>(k) + 1;
        if (k > 0)
            out += '\n';
        out += tokensToAbc(tunes[k].tokens, o).text;
    }
    return out;
}

} // namespace folkrnn

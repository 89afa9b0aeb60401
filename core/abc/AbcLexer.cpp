#include "core/abc/AbcLexer.h"

#include <cctype>
#include <sstream>
#include <string_view>

namespace folkrnn::abc {

namespace {

bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool isNoteLetter(char c) { return (c >= 'A' && c <= 'G') || (c >= 'a' && c <= 'g'); }

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

class Lexer {
public:
    explicit Lexer(std::vector<AbcEvent> &out) : out_(out) {}

    void line(const AbcLine &l)
    {
        s_ = l.text;
        line_ = l.number;
        space_ = true; // a line break separates like a space
        if (isFieldLine(s_)) {
            AbcEvent e = make(AbcEvent::Kind::Field, 0);
            e.field = s_[0];
            e.value = trim(s_.substr(2));
            out_.push_back(e);
            lastNoteish_ = -1;
            return;
        }
        for (i_ = 0; i_ < s_.size();)
            step();
    }

    void finish() const
    {
        if (inChord_)
            fail(chordStart_, "a chord [ is never closed");
    }

private:
    std::vector<AbcEvent> &out_;
    std::string s_;
    std::size_t i_ = 0;
    int line_ = 0;
    bool space_ = true;
    bool inChord_ = false;
    int chordStart_ = 0;
    int lastNoteish_ = -1; // event a broken rhythm would attach to

    [[noreturn]] void fail(std::size_t col, const std::string &what) const
    {
        throw AbcSkip("line " + std::to_string(line_) + ", column " + std::to_string(col + 1) + ": " + what);
    }
    [[noreturn]] void fail(int col, const std::string &what) const { fail(static_cast<std::size_t>(col), what); }

    AbcEvent make(AbcEvent::Kind k, std::size_t col) const
    {
        AbcEvent e;
        e.kind = k;
        e.line = line_;
        e.column = static_cast<int>(col) + 1;
        return e;
    }
    char peek(std::size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }

    long long number()
    {
        long long v = 0;
        std::size_t n = 0;
        while (isDigit(peek())) {
            if (++n > 6)
                fail(i_, "number too long");
            v = v * 10 + (s_[i_++] - '0');
        }
        return v;
    }

    // "2", "/", "3/2", "//": a multiple of L.
    Rational length(std::size_t at)
    {
        long long num = isDigit(peek()) ? number() : 1;
        long long den = 1;
        while (peek() == '/') {
            ++i_;
            den *= isDigit(peek()) ? number() : 2;
            if (den == 0 || den > 1024)
                fail(at, "note length with a zero or huge denominator");
        }
        if (num == 0)
            fail(at, "zero-length note");
        return Rational(num, den);
    }

    void pushNoteish(AbcEvent e)
    {
        out_.push_back(std::move(e));
        lastNoteish_ = static_cast<int>(out_.size()) - 1;
        space_ = false;
    }

    void note()
    {
        const std::size_t at = i_;
        AbcEvent e = make(AbcEvent::Kind::Note, at);
        if (peek() == '^' || peek() == '_') {
            const char a = s_[i_++];
            int acc = a == '^' ? 1 : -1;
            if (peek() == a) {
                acc *= 2;
                ++i_;
            }
            e.note.accidental = acc;
        } else if (peek() == '=') {
            ++i_;
            e.note.accidental = 0;
        }
        if (e.note.accidental && (isDigit(peek()) || peek() == '/'))
            fail(at, "microtonal accidental");
        const char c = peek();
        if (!isNoteLetter(c))
            fail(at, std::string("accidental without a note"));
        ++i_;
        static constexpr char letters[] = "CDEFGAB";
        const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        for (int k = 0; k < 7; ++k)
            if (letters[k] == up)
                e.note.letter = k;
        e.note.octave = std::islower(static_cast<unsigned char>(c)) ? 1 : 0;
        while (peek() == ',' || peek() == '\'')
            e.note.octave += s_[i_++] == ',' ? -1 : 1;
        e.length = length(at);
        pushNoteish(std::move(e));
    }

    void rest()
    {
        const std::size_t at = i_;
        AbcEvent e = make(AbcEvent::Kind::Rest, at);
        e.rest = s_[i_++];
        e.length = length(at);
        pushNoteish(std::move(e));
    }

    void broken()
    {
        const std::size_t at = i_;
        const char c = peek();
        std::string marks;
        while (peek() == c)
            marks += s_[i_++];
        if (lastNoteish_ < 0)
            fail(at, "broken rhythm " + marks + " without a note before it");
        AbcEvent &e = out_[static_cast<std::size_t>(lastNoteish_)];
        e.broken = marks;
        e.brokenGlued = !space_;
        lastNoteish_ = -1;
    }

    void tuplet()
    {
        const std::size_t at = i_;
        ++i_; // (
        AbcEvent e = make(AbcEvent::Kind::Tuplet, at);
        e.tupletP = static_cast<int>(number());
        if (peek() == ':') {
            ++i_;
            e.tupletQ = static_cast<int>(number());
            if (peek() == ':') {
                ++i_;
                e.tupletR = static_cast<int>(number());
            }
        }
        out_.push_back(e);
        lastNoteish_ = -1;
    }

    void bar()
    {
        const std::size_t at = i_;
        if (inChord_)
            fail(at, "bar line inside a chord (a [ that is never closed)");
        std::string run;
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '|' || c == ':' || (c == '[' && peek(1) == '|') || (c == ']' && !run.empty() && run.back() == '|')) {
                run += c;
                ++i_;
            } else {
                break;
            }
        }
        std::string ending;
        if (!run.empty() && run.back() == '|')
            while (isDigit(peek()) || ((peek() == ',' || peek() == '-') && isDigit(peek(1))))
                ending += s_[i_++];
        if (run.find('|') == std::string::npos && run != "::")
            fail(at, "stray \"" + run + "\"");
        if (!ending.empty() && ending != "1" && ending != "2")
            fail(at, "variant ending " + ending + " cannot be said (folk-rnn has endings 1 and 2)");
        AbcEvent e = make(AbcEvent::Kind::Bar, at);
        e.tokens = barTokens(run, ending);
        out_.push_back(e);
        lastNoteish_ = -1;
    }

    void bracket()
    {
        const std::size_t at = i_;
        if (std::isalpha(static_cast<unsigned char>(peek(1))) && peek(2) == ':') {
            const auto close = s_.find(']', i_);
            if (close == std::string::npos)
                fail(at, "inline field without ]");
            AbcEvent e = make(AbcEvent::Kind::Field, at);
            e.field = peek(1);
            e.value = trim(s_.substr(i_ + 3, close - i_ - 3));
            e.inlineField = true;
            if (inChord_)
                fail(at, "inline field inside a chord");
            out_.push_back(e);
            i_ = close + 1;
            return;
        }
        if (isDigit(peek(1))) {
            ++i_;
            std::string ending;
            while (isDigit(peek()) || ((peek() == ',' || peek() == '-') && isDigit(peek(1))))
                ending += s_[i_++];
            if (ending != "1" && ending != "2")
                fail(at, "variant ending [" + ending + " cannot be said (folk-rnn has endings 1 and 2)");
            AbcEvent e = make(AbcEvent::Kind::Bar, at);
            e.tokens = {"[" + ending};
            out_.push_back(e);
            lastNoteish_ = -1;
            return;
        }
        if (peek(1) == '|') {
            bar();
            return;
        }
        if (inChord_)
            fail(at, "chord inside a chord");
        inChord_ = true;
        chordStart_ = static_cast<int>(at);
        ++i_;
        out_.push_back(make(AbcEvent::Kind::ChordStart, at));
        lastNoteish_ = -1;
    }

    void closeChord()
    {
        const std::size_t at = i_;
        if (!inChord_)
            fail(at, "] without a chord to close");
        ++i_;
        inChord_ = false;
        if (out_.empty() || out_.back().kind == AbcEvent::Kind::ChordStart)
            fail(at, "empty chord");
        AbcEvent e = make(AbcEvent::Kind::ChordEnd, at);
        e.length = length(at);
        pushNoteish(std::move(e));
    }

    // Skips a delimited construct ("..", !..!, +..+, {..}); returns its text.
    std::string delimited(char open, char close, const char *what)
    {
        const std::size_t at = i_;
        const auto end = s_.find(close, i_ + 1);
        if (end == std::string::npos)
            fail(at, std::string("unterminated ") + what + " " + open);
        std::string text = s_.substr(i_ + 1, end - i_ - 1);
        i_ = end + 1;
        return text;
    }

    void quoted()
    {
        const std::size_t at = i_;
        const std::string text = delimited('"', '"', "string");
        const std::string prefix = kEscapePrefix;
        if (text.compare(0, prefix.size(), prefix) != 0)
            return; // chord symbol or annotation: not in the vocabulary
        AbcEvent e = make(AbcEvent::Kind::Escape, at);
        std::istringstream in(text.substr(prefix.size()));
        for (std::string t; in >> t;)
            e.tokens.push_back(t);
        out_.push_back(e);
    }

    void step()
    {
        const char c = peek();
        if (c == ' ' || c == '\t') {
            space_ = true;
            ++i_;
        } else if (c == '"') {
            quoted();
        } else if (c == '!') {
            if (s_.find('!', i_ + 1) == std::string::npos)
                ++i_; // abc 1.6 score line break
            else
                delimited('!', '!', "decoration");
        } else if (c == '+') {
            delimited('+', '+', "decoration");
        } else if (c == '{') {
            delimited('{', '}', "grace notes");
        } else if (c == '(') {
            if (isDigit(peek(1)))
                tuplet();
            else
                ++i_; // slur
        } else if (c == ')' || c == '-' || c == '\\' || c == 'y' || c == '`' || c == '$' ||
                   std::string_view(".~HLMOPSTuv").find(c) != std::string_view::npos) {
            ++i_; // slur end, tie, continuation, spacer, beam break, decoration shorthand
        } else if (c == '^' || c == '_' || c == '=' || isNoteLetter(c)) {
            note();
        } else if (c == 'z' || c == 'x') {
            rest();
        } else if (c == 'Z' || c == 'X') {
            fail(i_, "multi-measure rest Z");
        } else if (c == '>' || c == '<') {
            broken();
        } else if (c == '[') {
            bracket();
        } else if (c == ']') {
            closeChord();
        } else if (c == '|' || (c == ':' && (peek(1) == '|' || peek(1) == ':'))) {
            bar();
        } else if (c == '&') {
            fail(i_, "voice overlay &");
        } else if (isDigit(c)) {
            fail(i_, std::string("number ") + c + " not after a note");
        } else {
            fail(i_, std::string("unrecognised character '") + c + "'");
        }
    }
};

} // namespace

std::vector<std::string> barTokens(const std::string &run, const std::string &ending)
{
    std::vector<std::string> tokens;
    std::size_t k = 0;
    while (k < run.size()) {
        if (run[k] == ':' && k + 1 < run.size() && run[k + 1] == ':') {
            tokens.push_back("::");
            k += 2;
            continue;
        }
        if (run[k] == ':' && (k + 1 >= run.size() || run[k + 1] != '|')) {
            ++k; // a dangling repeat dot
            continue;
        }
        const bool endRepeat = run[k] == ':';
        if (endRepeat)
            ++k;
        int bars = 0;
        while (k < run.size() && run[k] != ':') {
            bars += run[k] == '|' ? 1 : 0;
            ++k;
        }
        const bool startRepeat = k < run.size(); // stopped at ':'
        if (startRepeat)
            ++k;
        if (endRepeat && startRepeat) {
            tokens.push_back("::"); // ":|:" and ":||:" are one bar line, folk-rnn's "::"
            continue;
        }
        if (endRepeat)
            tokens.push_back(":|");
        if (startRepeat) {
            if (!endRepeat && bars >= 3)
                tokens.push_back("||");
            tokens.push_back("|:");
        } else if (!endRepeat) {
            tokens.push_back(bars >= 2 ? "||" : "|");
        }
    }
    if (!ending.empty()) {
        if (!tokens.empty() && tokens.back() == "|")
            tokens.back() = "|" + ending;
        else
            tokens.push_back("|" + ending);
    }
    return tokens;
}

std::vector<AbcEvent> lexAbcBody(const std::vector<AbcLine> &lines)
{
    std::vector<AbcEvent> events;
    Lexer lexer(events);
    for (const AbcLine &l : lines)
        lexer.line(l);
    lexer.finish();
    return events;
}

} // namespace folkrnn::abc

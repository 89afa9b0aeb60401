#include "core/analysis/AnnotationTracks.h"

#include "core/abc/TokenCategory.h"
#include "core/analysis/AnnotationClock.h"
#include "core/sim/Run.h"

#include <cctype>
#include <cmath>
#include <limits>

namespace folkrnn::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool hasBar(const std::string &t) { return t.find('|') != std::string::npos; }
// ":|", ":||", "::"
bool closesRepeat(const std::string &t) { return t == "::" || (t.size() >= 2 && t[0] == ':' && hasBar(t)); }
// "|:", "||:", "::"
bool opensRepeat(const std::string &t) { return t == "::" || (t.size() >= 2 && t.back() == ':' && hasBar(t)); }
// "||", "|]", "[|"
bool isDoubleBar(const std::string &t)
{
    return t.find("||") != std::string::npos || t.find("|]") != std::string::npos || t.find("[|") != std::string::npos;
}

// "|1", "[2", ":|2" -> 1, 2, 2; 0 for tokens that start no ending.
int endingNumber(const std::string &t)
{
    std::size_t k = 0;
    while (k < t.size() && t[k] == ':')
        ++k;
    if (k >= t.size() || (t[k] != '|' && t[k] != '['))
        return 0;
    ++k;
    if (k >= t.size() || k + 3 < t.size())
        return 0;
    int n = 0;
    for (; k < t.size(); ++k) {
        if (!std::isdigit(static_cast<unsigned char>(t[k])))
            return 0;
        n = n * 10 + (t[k] - '0');
    }
    return n;
}

// Walks the body once, filling the structure tracks; see AnnotationTracks.h for the rules.
class StructureWalker {
public:
    StructureWalker(const std::vector<std::string> &tokens, AnnotationTracks &a) : tokens_(tokens), a_(a) {}

    void run(int bodyBegin, int bodyEnd)
    {
        for (int t = bodyBegin; t < bodyEnd; ++t)
            step(t);
        // An anacrusis is bar 0: renumber once the first bar is known to be short.
        if (pickup_)
            for (int t = bodyBegin; t < bodyEnd; ++t)
                --a_.bar[static_cast<std::size_t>(t)];
    }

    // A meter or mode token of the header: sets the meter, annotates nothing.
    void header(const std::string &tok) { clock_.advance(tok); }

private:
    void step(int t)
    {
        const auto i = static_cast<std::size_t>(t);
        const std::string &tok = tokens_[i];
        const AnnotationClock::Kind kind = AnnotationClock::kindOf(tok);
        const int eventsBefore = clock_.eventsInBar();
        const abc::Rational time = clock_.advance(tok);
        const bool barLine = kind == AnnotationClock::Kind::BarLine;

        a_.inBody[i] = 1;
        a_.barLine[i] = barLine ? 1 : 0;
        a_.barTime[i] = time.value();
        a_.barLength[i] = clock_.hasMeter() ? clock_.barLength().value() : kNaN;
        a_.barPosition[i] = position_;
        position_ = barLine ? 0 : position_ + 1;

        a_.bar[i] = bar_;
        if (barLine && clock_.eventsInClosedBar() > 0) {
            if (!firstBarClosed_) {
                firstBarClosed_ = true;
                pickup_ = clock_.hasMeter() && time < clock_.barLength();
            }
            ++bar_;
        }

        // A note, rest, chord or tuplet starts music: a pending part boundary becomes a new part.
        const bool music = (!barLine && clock_.eventsInBar() > eventsBefore) || kind == AnnotationClock::Kind::Tuplet;
        if (music && pending_) {
            ++part_;
            pending_ = false;
            for (int k = boundary_ + 1; k < t; ++k)
                if (a_.inBody[static_cast<std::size_t>(k)])
                    a_.part[static_cast<std::size_t>(k)] = part_;
            // A section opened before the boundary (or none) does not reach into the new part;
            // one opened by the boundary itself ("::") or after it ("|:") does.
            if (repeatStart_ < 0 || repeatStart_ < boundary_)
                repeatStart_ = t;
        }
        a_.part[i] = part_;

        structure(t, tok);
    }

    // Repeats, endings and part boundaries marked by bar lines and ending marks.
    void structure(int t, const std::string &tok)
    {
        const auto i = static_cast<std::size_t>(t);
        const int endingMark = endingNumber(tok);
        a_.ending[i] = ending_;
        if (closesRepeat(tok)) {
            if (repeatStart_ >= 0)
                for (int k = repeatStart_; k <= t; ++k)
                    a_.inRepeat[static_cast<std::size_t>(k)] = 1;
            repeatStart_ = -1;
        }
        if (opensRepeat(tok)) {
            repeatStart_ = t;
            if (ending_ > 0 && tok != "::") {
                ending_ = 0; // "|:" starts new music: it is not part of the ending before it
                a_.ending[i] = 0;
            }
        }
        if (closesRepeat(tok) || isDoubleBar(tok))
            ending_ = 0;
        const bool boundary = isDoubleBar(tok) || closesRepeat(tok) || (opensRepeat(tok) && part_ > 0 && !pending_);
        if (boundary && !pending_) {
            pending_ = true;
            // A "|:" opens the new part itself; "||" and ":|" close the old one.
            boundary_ = (opensRepeat(tok) && !closesRepeat(tok)) ? t - 1 : t;
        }
        if (endingMark > 0) {
            ending_ = endingMark;
            a_.ending[i] = endingMark;
            // "|2" right after ":|" is the second-time bar of the same part.
            if (endingMark >= 2 && pending_ && part_ > 0)
                pending_ = false;
        }

    }

    const std::vector<std::string> &tokens_;
    AnnotationTracks &a_;
    AnnotationClock clock_;
    int position_ = 0;
    int bar_ = 1;
    bool firstBarClosed_ = false;
    bool pickup_ = false;
    int part_ = 0;
    bool pending_ = true; // the first note starts part 1
    int boundary_ = -1;   // the last token of the previous part
    int repeatStart_ = -1;
    int ending_ = 0;
};

AnnotationTracks annotate(const std::vector<std::string> &tokens, std::vector<int> ids)
{
    const std::size_t T = tokens.size();
    AnnotationTracks a;
    a.tokenId = ids.size() == T ? std::move(ids) : std::vector<int>(T, -1);
    a.category.resize(T);
    a.pitch.assign(T, kNoPitch);
    a.inBody.assign(T, 0);
    a.barLine.assign(T, 0);
    a.barPosition.assign(T, -1);
    a.barTime.assign(T, kNaN);
    a.barLength.assign(T, kNaN);
    a.bar.assign(T, -1);
    a.part.assign(T, 0);
    a.inRepeat.assign(T, 0);
    a.ending.assign(T, 0);
    for (std::size_t t = 0; t < T; ++t) {
        const TokenCategory c = classifyToken(tokens[t]);
        a.category[t] = static_cast<int>(c);
        int h = 0;
        if (c == TokenCategory::Pitch && pitchHeight(tokens[t], h))
            a.pitch[t] = h;
    }

    // The body: after <s> and the meter and mode tokens that open the tune, up to </s>.
    int begin = 0;
    const int end = [&] {
        for (std::size_t t = 0; t < T; ++t)
            if (tokens[t] == "</s>")
                return static_cast<int>(t);
        return static_cast<int>(T);
    }();
    if (begin < end && tokens[0] == "<s>")
        ++begin;
    StructureWalker walker(tokens, a);
    while (begin < end) {
        const std::string &tok = tokens[static_cast<std::size_t>(begin)];
        const TokenCategory c = classifyToken(tok);
        if (c != TokenCategory::Meter && c != TokenCategory::Mode)
            break;
        walker.header(tok);
        ++begin;
    }
    walker.run(begin, end);
    return a;
}

} // namespace

int AnnotationTracks::barEighth(int t) const
{
    const double v = barTime[static_cast<std::size_t>(t)];
    return std::isnan(v) ? -1 : static_cast<int>(std::floor(v + 1e-9));
}

AnnotationTracks annotateTokens(const std::vector<std::string> &tokens) { return annotate(tokens, {}); }

AnnotationTracks annotateRun(const Run &run)
{
    std::vector<std::string> text;
    text.reserve(static_cast<std::size_t>(run.steps()));
    for (int t = 0; t < run.steps(); ++t)
        text.push_back(run.tokenText(run.token(t)));
    return annotate(text, run.tokens());
}

} // namespace folkrnn::analysis

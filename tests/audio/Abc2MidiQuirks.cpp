#include "Abc2MidiQuirks.h"

#include "core/abc/AbcLayout.h"
#include "core/abc/Rational.h"
#include "core/abc/TokensToAbc.h"
#include "core/audio/Repeats.h"
#include "core/audio/Score.h"

#include <set>

namespace folkrnn::test {

namespace {

using abc::AbcTokenKind;
using abc::Rational;

// One pass over the placed chords, rewriting unisons and equal inner lengths.
std::vector<std::string> rewriteChords(const std::vector<std::string> &t, bool &unison, bool &lengths)
{
    const abc::AbcPlan plan = abc::planAbc(t);
    auto placed = [&](std::size_t i) { return i < t.size() && !plan.escaped[i] && !plan.hidden[i]; };
    std::vector<std::string> out;
    for (std::size_t i = 0; i < t.size();) {
        if (!placed(i) || plan.kinds[i] != AbcTokenKind::ChordOpen) {
            out.push_back(t[i++]);
            continue;
        }
        // Gather "[ (pitch length?)+ ] length?".
        std::size_t j = i + 1;
        std::vector<std::pair<std::string, std::string>> notes; // pitch, inner length ("" for none)
        while (placed(j) && plan.kinds[j] == AbcTokenKind::Pitch) {
            std::string len;
            if (placed(j + 1) && plan.kinds[j + 1] == AbcTokenKind::Duration)
                len = t[j + 1];
            notes.emplace_back(t[j], len);
            j += len.empty() ? 1 : 2;
        }
        if (!placed(j) || plan.kinds[j] != AbcTokenKind::ChordClose || notes.empty()) {
            out.push_back(t[i++]);
            continue;
        }
        std::string outer;
        if (placed(j + 1) && plan.kinds[j + 1] == AbcTokenKind::Duration)
            outer = t[j + 1];
        const std::size_t end = j + (outer.empty() ? 1 : 2);
        std::vector<std::pair<std::string, std::string>> kept;
        std::set<std::string> seen;
        for (const auto &n : notes)
            if (seen.insert(n.first).second)
                kept.push_back(n);
        if (kept.size() < notes.size())
            unison = true;
        bool equal = true;
        for (const auto &n : kept)
            equal = equal && n.second == kept.front().second;
        const bool brokenOuter = !outer.empty() && (outer.back() == '>' || outer.back() == '<');
        if (equal && !kept.front().second.empty() && !outer.empty() && !brokenOuter) {
            Rational inner, o;
            abc::parseDurationText(kept.front().second, inner);
            abc::parseDurationText(outer, o);
            lengths = true;
            out.push_back("[");
            for (const auto &n : kept)
                out.push_back(n.first);
            out.push_back("]");
            const std::string len = (inner * o).durationText();
            if (!len.empty())
                out.push_back(len);
        } else {
            out.push_back("[");
            for (const auto &n : kept) {
                out.push_back(n.first);
                if (!n.second.empty())
                    out.push_back(n.second);
            }
            out.push_back("]");
            if (!outer.empty())
                out.push_back(outer);
        }
        i = end;
    }
    return out;
}

// "|:" before the first note core/audio's repeats go back to, where no "|:" or "::" stands. The
// tokens the ABC writer escapes go first: they are not music to either player, and a "|:" could
// otherwise make an escaped ending valid.
std::vector<std::string> explicitRepeatStarts(const std::vector<std::string> &tokens, bool &changed)
{
    using Kind = audio::ScoreItem::Kind;
    const abc::AbcPlan plan = abc::planAbc(tokens);
    std::vector<std::string> t;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (!plan.escaped[i])
            t.push_back(tokens[i]);
    const std::vector<audio::ScoreItem> items = audio::readScore(t);
    const std::vector<std::size_t> order = audio::playOrder(items);
    std::set<int> insertBefore;
    for (std::size_t k = 0; k + 1 < order.size(); ++k) {
        if (order[k + 1] > order[k])
            continue;
        auto isStart = [&](std::size_t m) { return items[m].bar == "|:" || items[m].bar == "::"; };
        const std::size_t target = order[k + 1];
        bool explicitStart = target > 0 && isStart(target - 1);
        std::size_t m = target;
        for (; m < items.size() && items[m].kind != Kind::Notes && items[m].kind != Kind::Rest; ++m)
            explicitStart = explicitStart || isStart(m);
        if (!explicitStart && m < items.size())
            insertBefore.insert(items[m].firstToken);
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (insertBefore.count(static_cast<int>(i)))
            out.push_back("|:");
        out.push_back(t[i]);
    }
    changed = !insertBefore.empty();
    return out;
}

} // namespace

QuirkRewrite rewriteChordQuirks(const std::vector<std::string> &tokens)
{
    QuirkRewrite r;
    bool unison = false, lengths = false;
    r.tokens = rewriteChords(tokens, unison, lengths);
    if (unison)
        r.quirks.push_back("unison in a chord: abc2midi strikes the key twice");
    if (lengths)
        r.quirks.push_back("chord with lengths inside and outside: abc2midi keeps only the outer one (ABC 2.1 multiplies them)");
    return r;
}

QuirkRewrite rewriteRepeatStarts(const std::vector<std::string> &tokens)
{
    QuirkRewrite r;
    bool changed = false;
    r.tokens = explicitRepeatStarts(tokens, changed);
    if (changed)
        r.quirks.push_back("repeat without |: after first and second endings: abc2midi goes back to the start of the tune");
    return r;
}

std::string abcForAbc2midi(const std::vector<std::string> &tokens, int number)
{
    AbcWriteOptions o;
    o.number = number;
    std::string text = tokensToAbc(tokens, o).text;
    const std::size_t afterX = text.find('\n') + 1;
    text.insert(afterX, "%%propagate-accidentals octave\n%%MIDI chordattack 0\n");
    return text;
}

} // namespace folkrnn::test

#include "core/audio/Repeats.h"

namespace folkrnn::audio {

namespace {

enum class BarRole { None, Start, End, EndStart, FirstEnding, Double };

BarRole role(const ScoreItem &item)
{
    if (item.kind != ScoreItem::Kind::Bar)
        return BarRole::None;
    if (item.bar == "|:")
        return BarRole::Start;
    if (item.bar == ":|")
        return BarRole::End;
    if (item.bar == "::")
        return BarRole::EndStart;
    if (item.bar == "|1" || item.bar == "[1")
        return BarRole::FirstEnding;
    if (item.bar == "||")
        return BarRole::Double;
    return BarRole::None; // "|" and second endings, which play as written
}

} // namespace

std::vector<std::size_t> playOrder(const std::vector<ScoreItem> &items)
{
    const std::size_t n = items.size();
    std::vector<std::size_t> order;
    order.reserve(n + n / 2);
    std::vector<bool> taken(n, false); // this ":|" or "::" has sent play back already
    std::size_t start = 0;             // where the current repeat goes back to
    bool secondPass = false;
    bool open = false;                 // a "|:" or "::" set `start`; its repeat is not over
    bool anyDone = false;              // a repeat has been played out
    for (std::size_t i = 0; i < n;) {
        const BarRole r = role(items[i]);
        if (r == BarRole::FirstEnding && secondPass) {
            std::size_t j = i + 1;
            while (j < n && role(items[j]) != BarRole::End && role(items[j]) != BarRole::EndStart)
                ++j;
            if (j == n) { // an ending nothing closes: played as written
                order.push_back(i++);
                continue;
            }
            taken[j] = true;
            start = j + 1;
            secondPass = false;
            open = role(items[j]) == BarRole::EndStart;
            anyDone = true;
            i = j + 1;
            continue;
        }
        order.push_back(i);
        if (r == BarRole::Start) {
            start = i + 1;
            secondPass = false;
            open = true;
        } else if (r == BarRole::Double && anyDone && !open && !secondPass) {
            start = i + 1;
        } else if (r == BarRole::End || r == BarRole::EndStart) {
            if (!taken[i]) {
                taken[i] = true;
                i = start;
                secondPass = true;
                continue;
            }
            start = i + 1;
            secondPass = false;
            open = r == BarRole::EndStart;
            anyDone = true;
        }
        ++i;
    }
    return order;
}

} // namespace folkrnn::audio

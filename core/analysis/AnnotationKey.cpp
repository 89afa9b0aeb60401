#include "core/analysis/AnnotationKey.h"

#include "core/abc/TokenCategory.h"
#include "core/util/Error.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace folkrnn::analysis {

namespace {

constexpr std::array<const char *, kAnnotationTrackCount> kNames{
    "token", "category", "bar-line", "bar-position", "bar-eighth", "bar", "part", "repeat", "ending", "pitch"};

bool isFlag(AnnotationTrack track) { return track == AnnotationTrack::BarLine || track == AnnotationTrack::Repeat; }

} // namespace

const char *annotationTrackName(AnnotationTrack track) { return kNames[static_cast<std::size_t>(track)]; }

bool parseAnnotationTrack(const std::string &name, AnnotationTrack &out)
{
    for (std::size_t k = 0; k < kNames.size(); ++k)
        if (name == kNames[k]) {
            out = static_cast<AnnotationTrack>(k);
            return true;
        }
    return false;
}

int annotationValue(const AnnotationTracks &a, AnnotationTrack track, int t)
{
    const auto i = static_cast<std::size_t>(t);
    const bool body = a.inBody[i] != 0;
    switch (track) {
    case AnnotationTrack::Token:
        return a.tokenId[i] >= 0 ? a.tokenId[i] : kNoAnnotation;
    case AnnotationTrack::Category:
        return a.category[i];
    case AnnotationTrack::BarLine:
        return body ? a.barLine[i] : kNoAnnotation;
    case AnnotationTrack::BarPosition:
        return body ? a.barPosition[i] : kNoAnnotation;
    case AnnotationTrack::BarEighth:
        return body ? a.barEighth(t) : kNoAnnotation;
    case AnnotationTrack::Bar:
        return body ? a.bar[i] : kNoAnnotation;
    case AnnotationTrack::Part:
        return body ? a.part[i] : kNoAnnotation;
    case AnnotationTrack::Repeat:
        return body ? a.inRepeat[i] : kNoAnnotation;
    case AnnotationTrack::Ending:
        return body ? a.ending[i] : kNoAnnotation;
    case AnnotationTrack::Pitch:
        return a.pitch[i] != kNoPitch ? a.pitch[i] : kNoAnnotation;
    }
    return kNoAnnotation;
}

std::string describeAnnotationValue(AnnotationTrack track, int value, const std::vector<std::string> &vocabulary)
{
    if (value == kNoAnnotation)
        return "";
    if (track == AnnotationTrack::Token)
        return value >= 0 && value < static_cast<int>(vocabulary.size()) ? vocabulary[static_cast<std::size_t>(value)]
                                                                         : std::to_string(value);
    if (track == AnnotationTrack::Category)
        return value >= 0 && value < kTokenCategoryCount ? categoryName(static_cast<TokenCategory>(value))
                                                         : std::to_string(value);
    if (isFlag(track))
        return value ? "yes" : "no";
    return std::to_string(value);
}

AnnotationKey parseAnnotationKey(const std::string &text, const std::vector<std::string> &vocabulary,
                                 const std::string &what)
{
    const auto colon = text.find(':');
    const std::string name = text.substr(0, colon);
    AnnotationKey key;
    if (!parseAnnotationTrack(name, key.track))
        throw InputError(what, "unknown annotation \"" + name +
                                   "\" (token, category, bar-line, bar-position, bar-eighth, bar, part, repeat, "
                                   "ending, pitch)");
    if (colon == std::string::npos) {
        if (!isFlag(key.track))
            throw InputError(what, "\"" + text + "\" needs a value, e.g. " + name + ":1");
        key.value = 1;
        return key;
    }
    // Token texts may themselves contain ':' (":|", "M:4/4"): everything after the first colon.
    const std::string value = text.substr(colon + 1);
    if (key.track == AnnotationTrack::Token) {
        const auto it = std::find(vocabulary.begin(), vocabulary.end(), value);
        if (it == vocabulary.end())
            throw InputError(what, "token \"" + value + "\" is not in the model's vocabulary");
        key.value = static_cast<int>(it - vocabulary.begin());
        return key;
    }
    if (key.track == AnnotationTrack::Category) {
        for (int c = 0; c < kTokenCategoryCount; ++c)
            if (value == categoryName(static_cast<TokenCategory>(c))) {
                key.value = c;
                return key;
            }
        throw InputError(what, "unknown token category \"" + value +
                                   "\" (meter, mode, measure, pitch, rest, duration, grouping, special, other)");
    }
    if (isFlag(key.track) && (value == "yes" || value == "no")) {
        key.value = value == "yes" ? 1 : 0;
        return key;
    }
    int v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size())
        throw InputError(what, "\"" + value + "\" is not a whole number (in \"" + text + "\")");
    key.value = v;
    return key;
}

std::string formatAnnotationKey(const AnnotationKey &key, const std::vector<std::string> &vocabulary)
{
    const std::string name = annotationTrackName(key.track);
    if (isFlag(key.track) && key.value == 1)
        return name;
    if (key.track == AnnotationTrack::Token || key.track == AnnotationTrack::Category)
        return name + ":" + describeAnnotationValue(key.track, key.value, vocabulary);
    return name + ":" + std::to_string(key.value);
}

} // namespace folkrnn::analysis

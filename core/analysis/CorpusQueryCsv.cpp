#include "core/analysis/CorpusQueryCsv.h"

#include <charconv>
#include <cmath>
#include <map>

namespace folkrnn::analysis {

std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csvNumber(double v)
{
    if (std::isnan(v))
        return "";
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::string();
}

std::string corpusUnitsCsv(const CorpusQueryResult &result, const CorpusQuerySettings &settings,
                           const std::vector<std::string> &vocabulary)
{
    std::map<QueryUnit, double> defining;
    for (const UnitPatternScore &s : result.definingScores)
        defining[{settings.defineLayer, s.unit}] = s.score;
    std::string out = "target,rank,layer,unit,targets,hits,recall,matches,matches_on_target,precision,f1,"
                      "mean_at_targets,mean_elsewhere,defining_score\n";
    int rank = 0, lastTarget = -1;
    for (const UnitTargetStats &s : result.unitStats) {
        if (s.target != lastTarget) {
            rank = 0;
            lastTarget = s.target;
        }
        const bool joint = s.unit.layer < 0;
        const auto key = settings.targets[static_cast<std::size_t>(s.target)];
        const auto d = defining.find(s.unit);
        out += csvField(formatAnnotationKey(key, vocabulary)) + ",";
        out += (joint ? std::string() : std::to_string(++rank)) + ",";
        out += (joint ? std::string("all") : std::to_string(s.unit.layer + 1)) + ",";
        out += (joint ? std::string("all") : std::to_string(s.unit.unit)) + ",";
        out += std::to_string(s.targets) + "," + std::to_string(s.hits) + "," + csvNumber(s.recall) + ",";
        out += std::to_string(s.matches) + "," + std::to_string(s.matchesOnTarget) + "," + csvNumber(s.precision) + ",";
        out += csvNumber(s.f1) + "," + csvNumber(s.meanAtTargets) + "," + csvNumber(s.meanElsewhere) + ",";
        out += (d != defining.end() && !joint ? csvNumber(d->second) : std::string()) + "\n";
    }
    return out;
}

std::string corpusRecurrencesCsv(const CorpusQueryResult &result, const CorpusSpec &corpus,
                                 const std::vector<std::string> &vocabulary)
{
    std::string out = "run,run_name,first,last,score,anchor,anchor_token,bar_position,bar_time,bar,part,ending,"
                      "in_repeat\n";
    for (const PatternRecurrence &r : result.recurrences) {
        out += std::to_string(r.run) + "," + csvField(corpus.runName(r.run)) + "," + std::to_string(r.first) + "," +
               std::to_string(r.last) + "," + csvNumber(r.score) + ",";
        if (r.anchor < 0) {
            out += ",,,,,,,\n";
            continue;
        }
        out += std::to_string(r.anchor) + "," +
               csvField(describeAnnotationValue(AnnotationTrack::Token, r.token, vocabulary)) + ",";
        // Header steps have no place in the bar: empty fields, as NaN times are.
        out += (r.barPosition >= 0 ? std::to_string(r.barPosition) : std::string()) + "," + csvNumber(r.barTime) + ",";
        out += (r.bar >= 0 ? std::to_string(r.bar) : std::string()) + "," + std::to_string(r.part) + "," +
               std::to_string(r.ending) + "," + (r.inRepeat ? "1" : "0") + "\n";
    }
    return out;
}

std::string corpusStatsCsv(const CorpusQueryResult &result, const CorpusQuerySettings &settings,
                           const std::vector<std::string> &vocabulary)
{
    std::string out = "track,value,value_text,count,layer,unit,mean,eta2\n";
    for (std::size_t k = 0; k < result.stats.size(); ++k) {
        const AnnotationTrack track = settings.statsTracks[k];
        const std::string name = annotationTrackName(track);
        for (std::size_t l = 0; l < result.stats[k].size(); ++l) {
            const AnnotationStats &s = result.stats[k][l];
            for (std::size_t v = 0; v < s.values.size(); ++v) {
                const std::string prefix = name + "," + std::to_string(s.values[v]) + "," +
                                           csvField(describeAnnotationValue(track, s.values[v], vocabulary)) + "," +
                                           std::to_string(s.count[v]) + "," + std::to_string(l + 1) + ",";
                for (Eigen::Index u = 0; u < s.mean.cols(); ++u)
                    out += prefix + std::to_string(u) + "," + csvNumber(s.mean(static_cast<Eigen::Index>(v), u)) + "," +
                           csvNumber(s.eta2[u]) + "\n";
            }
        }
    }
    return out;
}

} // namespace folkrnn::analysis

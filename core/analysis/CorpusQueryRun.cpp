#include "core/analysis/CorpusQueryRun.h"

#include "core/analysis/AnnotationTracks.h"

#include <algorithm>
#include <limits>
#include <map>

namespace folkrnn::analysis {

CorpusRunTally::CorpusRunTally(std::size_t units, std::size_t targetCount, int vocabSize)
    : targets(targetCount, 0), others(targetCount, 0), hits((units + 1) * targetCount, 0),
      matchesOnTarget((units + 1) * targetCount, 0), sumAtTargets((units + 1) * targetCount, 0.0),
      sumElsewhere((units + 1) * targetCount, 0.0), matches(units + 1, 0),
      recurrenceTokens(static_cast<std::size_t>(vocabSize), 0)
{
}

void CorpusRunTally::merge(const CorpusRunTally &o, int maxRecurrences)
{
    steps += o.steps;
    const auto add = [](auto &into, const auto &from) {
        for (std::size_t k = 0; k < into.size(); ++k)
            into[k] += from[k];
    };
    add(targets, o.targets);
    add(others, o.others);
    add(hits, o.hits);
    add(matchesOnTarget, o.matchesOnTarget);
    add(sumAtTargets, o.sumAtTargets);
    add(sumElsewhere, o.sumElsewhere);
    add(matches, o.matches);
    add(recurrenceTokens, o.recurrenceTokens);
    recurrenceCount += o.recurrenceCount;
    for (const PatternRecurrence &r : o.recurrences) {
        if (static_cast<int>(recurrences.size()) >= maxRecurrences)
            break;
        recurrences.push_back(r);
    }
    if (stats.empty()) {
        stats = o.stats;
        return;
    }
    for (std::size_t k = 0; k < stats.size(); ++k)
        for (std::size_t l = 0; l < stats[k].size(); ++l)
            stats[k][l].merge(o.stats[k][l]);
}

namespace {

// covered(s) = 1 when step s lies in a match of length L starting at some s' in [s - L + 1, s].
std::vector<char> coverage(const MatchMatrix &m, Eigen::Index u, int length)
{
    const int T = static_cast<int>(m.rows());
    std::vector<char> covered(static_cast<std::size_t>(T), 0);
    int until = -1;
    for (int s = 0; s < T; ++s) {
        if (m(s, u))
            until = s + length - 1;
        covered[static_cast<std::size_t>(s)] = s <= until ? 1 : 0;
    }
    return covered;
}

} // namespace

CorpusRunTally tallyRun(const Run &run, int runIndex, const std::vector<QueryUnit> &units, const PatternSpec &pattern,
                        const CorpusQuerySettings &settings)
{
    const int T = run.steps();
    const std::size_t U = units.size(), K = settings.targets.size();
    const int L = pattern.length, lag = settings.lag;
    CorpusRunTally tally(U, K, run.vocabSize());
    tally.steps = T;
    const AnnotationTracks tracks = annotateRun(run);

    // anchor[k][s] = 1 when step s = t - lag for a target step t of target k.
    std::vector<std::vector<char>> anchor(K, std::vector<char>(static_cast<std::size_t>(T), 0));
    for (std::size_t k = 0; k < K; ++k) {
        const AnnotationKey &key = settings.targets[k];
        for (int t = lag; t < T; ++t)
            if (annotationValue(tracks, key.track, t) == key.value)
                anchor[k][static_cast<std::size_t>(t - lag)] = 1;
        tally.targets[k] = std::count(anchor[k].begin(), anchor[k].end(), 1);
        tally.others[k] = T - tally.targets[k];
    }
    // A match [s, s + L - 1] is on target when it holds an anchor: prefix counts of anchors.
    std::vector<std::vector<int>> anchorPrefix(K, std::vector<int>(static_cast<std::size_t>(T) + 1, 0));
    for (std::size_t k = 0; k < K; ++k)
        for (int s = 0; s < T; ++s)
            anchorPrefix[k][static_cast<std::size_t>(s) + 1] = anchorPrefix[k][static_cast<std::size_t>(s)] + anchor[k][static_cast<std::size_t>(s)];
    const auto holdsAnchor = [&](std::size_t k, int s) {
        return anchorPrefix[k][static_cast<std::size_t>(std::min(T, s + L))] > anchorPrefix[k][static_cast<std::size_t>(s)];
    };

    // Match matrices of the layers that have units, computed once per layer.
    std::map<int, MatchMatrix> matchOf;
    for (const QueryUnit &q : units)
        if (!matchOf.count(q.layer))
            matchOf.emplace(q.layer, patternMatches(run.signalMatrix(q.layer, settings.signal), pattern));

    std::vector<char> joint(static_cast<std::size_t>(T), U > 0 ? 1 : 0);
    for (std::size_t i = 0; i < U; ++i) {
        const QueryUnit &q = units[i];
        const MatchMatrix &m = matchOf.at(q.layer);
        const auto x = run.signalMatrix(q.layer, settings.signal).col(q.unit);
        const std::vector<char> covered = coverage(m, q.unit, L);
        for (int s = 0; s < T; ++s) {
            const bool match = m(s, q.unit) != 0;
            joint[static_cast<std::size_t>(s)] &= match ? 1 : 0;
            tally.matches[i] += match;
            for (std::size_t k = 0; k < K; ++k) {
                const std::size_t ik = i * K + k;
                const bool isAnchor = anchor[k][static_cast<std::size_t>(s)] != 0;
                if (isAnchor) {
                    tally.hits[ik] += covered[static_cast<std::size_t>(s)];
                    tally.sumAtTargets[ik] += double(x[s]);
                } else {
                    tally.sumElsewhere[ik] += double(x[s]);
                }
                if (match && holdsAnchor(k, s))
                    ++tally.matchesOnTarget[ik];
            }
        }
    }

    // The joint pattern: every unit matching with the same range.
    if (U > 0) {
        std::vector<char> jointCovered(static_cast<std::size_t>(T), 0);
        int until = -1;
        for (int s = 0; s < T; ++s) {
            if (joint[static_cast<std::size_t>(s)])
                until = s + L - 1;
            jointCovered[static_cast<std::size_t>(s)] = s <= until;
        }
        for (int s = 0; s < T; ++s) {
            const bool match = joint[static_cast<std::size_t>(s)] != 0;
            tally.matches[U] += match;
            for (std::size_t k = 0; k < K; ++k) {
                const std::size_t ik = U * K + k;
                if (anchor[k][static_cast<std::size_t>(s)])
                    tally.hits[ik] += jointCovered[static_cast<std::size_t>(s)];
                if (match && holdsAnchor(k, s))
                    ++tally.matchesOnTarget[ik];
            }
            if (!match)
                continue;
            ++tally.recurrenceCount;
            PatternRecurrence r;
            r.run = runIndex;
            r.first = s;
            r.last = s + L - 1;
            r.score = std::numeric_limits<double>::infinity();
            for (const QueryUnit &q : units)
                r.score = std::min(r.score, patternScore(run.signalMatrix(q.layer, settings.signal), q.unit, s, pattern).score);
            const int a = r.last + lag;
            if (a < T) {
                const auto ai = static_cast<std::size_t>(a);
                r.anchor = a;
                r.token = run.token(a);
                r.barPosition = tracks.barPosition[ai];
                r.barTime = tracks.barTime[ai];
                r.bar = tracks.bar[ai];
                r.part = tracks.part[ai];
                r.ending = tracks.ending[ai];
                r.inRepeat = tracks.inRepeat[ai] != 0;
                ++tally.recurrenceTokens[static_cast<std::size_t>(r.token)];
            }
            if (static_cast<int>(tally.recurrences.size()) < settings.maxRecurrences)
                tally.recurrences.push_back(r);
        }
    }

    // Unit statistics per annotation value, every unit of every layer.
    for (AnnotationTrack track : settings.statsTracks) {
        std::vector<AnnotationStatsAccumulator> perLayer;
        for (int l = 0; l < run.numLayers(); ++l) {
            perLayer.emplace_back(track, run.hiddenSize());
            perLayer.back().add(run.signalMatrix(l, settings.signal), tracks);
        }
        tally.stats.push_back(std::move(perLayer));
    }
    return tally;
}

} // namespace folkrnn::analysis

// The pattern query on one run (core/analysis/PatternQuery.h) and the unit statistics per
// annotation value (AnnotationStats.h, and the /annotations group `folkrnn-cli trace` writes),
// against tests/reference/numpy_query.py on traces recorded by `folkrnn-cli trace`.
#include "QueryFixtures.h"
#include "common/TestSupport.h"
#include "core/analysis/AnnotationStats.h"
#include "core/analysis/AnnotationTraceFile.h"
#include "core/analysis/PatternQuery.h"
#include "core/analysis/TraceFile.h"
#include "core/hdf5/Hdf5Util.h"

#include <H5Cpp.h>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <set>

using namespace folkrnn;
using namespace folkrnn::analysis;
using namespace folkrnn::querytest;

namespace {

std::vector<double> numbers(const RowMatrixXd &m) { return {m.data(), m.data() + m.size()}; }

} // namespace

class TestQueryPattern : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString modelPath, tracePath;
    Run run;

    // The numpy reference's answer for this query, compared with ours.
    void compareWithNumpy(int layer, int first, int last, const PatternSpec &spec)
    {
        const QString ref = dir.filePath("pattern-ref.h5");
        QStringList args{"pattern", "--trace", tracePath, "--layer", QString::number(layer + 1), "--signal", "h",
                         "--first", QString::number(first), "--last", QString::number(last), "--threshold",
                         QString::number(spec.threshold, 'g', 17), "--before", QString::number(spec.before),
                         "--after", QString::number(spec.after), "--out", ref};
        if (spec.below)
            args << "--below";
        const QString err = runNumpyQuery(args);
        QVERIFY2(err.isEmpty(), qPrintable(err));

        const auto x = run.signalMatrix(layer, Signal::H);
        const std::vector<UnitPatternScore> mine = unitsMatchingPattern(x, first, last, spec);
        std::vector<int> units;
        for (const auto &s : mine)
            units.push_back(s.unit);
        QCOMPARE(units, refInts(ref, "/units"));
        RowMatrixXd score(static_cast<Eigen::Index>(mine.size()), 3);
        for (std::size_t k = 0; k < mine.size(); ++k)
            score.row(static_cast<Eigen::Index>(k)) << mine[k].score, mine[k].meanInside, mine[k].outside;
        if (!mine.empty()) {
            QVERIFY(maxAbsDiff(score.col(0), refArray(ref, "/score")) < 1e-12);
            QVERIFY(maxAbsDiff(score.col(1), refArray(ref, "/mean_inside")) < 1e-12);
            QVERIFY(maxAbsDiff(score.col(2), refArray(ref, "/outside")) < 1e-12);
        }

        // The inverse with the (up to) three best units finds the steps numpy finds, the defining
        // range among them.
        const std::vector<int> inverseUnits = refInts(ref, "/inverse_units");
        if (inverseUnits.empty())
            return;
        PatternSpec withLength = spec;
        withLength.length = last - first + 1;
        std::vector<int> starts;
        for (const PatternOccurrence &o : findPattern(x, inverseUnits, withLength)) {
            starts.push_back(o.first);
            QCOMPARE(o.last, o.first + withLength.length - 1);
        }
        QCOMPARE(starts, refInts(ref, "/inverse_first"));
        QVERIFY(std::find(starts.begin(), starts.end(), first) != starts.end());
    }

    // A range and threshold at which at least `atLeast` units of `layer` match, found by scanning.
    bool findQuery(int layer, int length, PatternSpec &spec, int &first, std::size_t atLeast)
    {
        const auto x = run.signalMatrix(layer, Signal::H);
        for (double threshold : {0.5, 0.3, 0.2, 0.1, 0.0}) {
            spec.threshold = spec.below ? -threshold : threshold;
            for (first = 5; first + length < run.steps() - 5; ++first)
                if (unitsMatchingPattern(x, first, first + length - 1, spec).size() >= atLeast)
                    return true;
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        if (!test::pythonHasModules({"numpy", "h5py"}))
            QSKIP("Debian's python3-numpy and python3-h5py are needed for the random model and the reference");
        modelPath = dir.filePath("m.h5");
        const QString err = makeRandomModel(modelPath, 3, 32, 11);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        // Samples tune 3: repeats, first and second endings, two strains.
        tracePath = dir.filePath("run.h5");
        const QString cli = runCli({"trace", "--model", modelPath, "--tune", samplesFile("config5-wrepeats-samples.txt"),
                                    "--tune-number", "3", "--out", tracePath});
        QVERIFY2(cli.isEmpty(), qPrintable(cli));
        run = readTraceFile(tracePath.toStdString()).run;
        QVERIFY(run.steps() > 100);
    }

    void spikeQueryMatchesNumpy()
    {
        for (int layer : {0, 2}) {
            PatternSpec spec;
            spec.before = 2;
            spec.after = 2;
            int first = 0;
            QVERIFY(findQuery(layer, 1, spec, first, 2));
            compareWithNumpy(layer, first, first, spec);
        }
    }

    void rangeQueryMatchesNumpy()
    {
        PatternSpec spec;
        spec.before = 1;
        spec.after = 3;
        int first = 0;
        QVERIFY(findQuery(1, 3, spec, first, 1));
        compareWithNumpy(1, first, first + 2, spec);
    }

    void dipQueryMatchesNumpy()
    {
        PatternSpec spec;
        spec.below = true;
        spec.before = 1;
        spec.after = 1;
        int first = 0;
        QVERIFY(findQuery(2, 2, spec, first, 1));
        compareWithNumpy(2, first, first + 1, spec);
        for (const UnitPatternScore &s : unitsMatchingPattern(run.signalMatrix(2, Signal::H), first, first + 1, spec))
            QVERIFY(s.score > 0); // the off steps lie above the dip
    }

    // At the run's edges the off steps outside the run are not required; with none at all the
    // threshold stands in for them.
    void edgesAndNoOffSteps()
    {
        PatternSpec spec;
        spec.before = 3;
        spec.after = 0;
        spec.threshold = 0.1;
        compareWithNumpy(0, 0, 1, spec);
        const auto x = run.signalMatrix(0, Signal::H);
        for (const UnitPatternScore &s : unitsMatchingPattern(x, 0, 1, spec)) {
            QVERIFY(std::isnan(s.outside));
            QCOMPARE(s.score, s.meanInside - 0.1);
        }
        spec.before = 0;
        spec.after = 4;
        compareWithNumpy(0, run.steps() - 2, run.steps() - 1, spec);
    }

    // The match matrix, the forward query and the inverse agree at every step.
    void matchMatrixAgrees()
    {
        PatternSpec spec{2, 1, 2, 0.2, false};
        const auto x = run.signalMatrix(2, Signal::H);
        const MatchMatrix m = patternMatches(x, spec);
        QCOMPARE(m.rows(), x.rows());
        for (int s = 0; s + spec.length <= run.steps(); ++s) {
            std::set<int> want, got;
            for (const auto &u : unitsMatchingPattern(x, s, s + spec.length - 1, spec))
                want.insert(u.unit);
            for (int u = 0; u < x.cols(); ++u)
                if (m(s, u))
                    got.insert(u);
            QCOMPARE(got, want);
        }
        for (int u = 0; u < 4; ++u) {
            const std::vector<int> one{u};
            for (const PatternOccurrence &o : findPattern(x, one, spec))
                QVERIFY(m(o.first, u));
        }
    }

    void badQueries()
    {
        const auto x = run.signalMatrix(0, Signal::H);
        const auto throws = [&](const std::function<void()> &f) {
            try {
                f();
            } catch (const std::invalid_argument &) {
                return true;
            }
            return false;
        };
        PatternSpec spec;
        QVERIFY(throws([&] { unitsMatchingPattern(x, 5, 4, spec); }));
        QVERIFY(throws([&] { unitsMatchingPattern(x, -1, 2, spec); }));
        QVERIFY(throws([&] { unitsMatchingPattern(x, 0, run.steps(), spec); }));
        spec.before = -1;
        QVERIFY(throws([&] { unitsMatchingPattern(x, 0, 1, spec); }));
        spec.before = 1;
        spec.threshold = std::nan("");
        QVERIFY(throws([&] { patternMatches(x, spec); }));
        spec.threshold = 0.5;
        QVERIFY(throws([&] { findPattern(x, std::vector<int>{}, spec); }));
        QVERIFY(throws([&] { findPattern(x, std::vector<int>{32}, spec); }));
    }

    // The trace's /annotations group: tracks equal to annotateRun's (bar position and bar lines
    // also equal to numpy's own count from the tokens), statistics equal to numpy's.
    void traceStatisticsMatchNumpy()
    {
        const QString ref = dir.filePath("stats-ref.h5");
        const QString err = runNumpyQuery({"stats", "--trace", tracePath, "--out", ref});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const AnnotationTracks a = annotateRun(run);
        QCOMPARE(refInts(tracePath, "/annotations/tracks/bar_position"), a.barPosition);
        QCOMPARE(refInts(ref, "/py_tracks/bar_position"), a.barPosition);
        QCOMPARE(refInts(ref, "/py_tracks/bar_line"), refInts(tracePath, "/annotations/tracks/bar_line"));
        QCOMPARE(refInts(tracePath, "/annotations/tracks/part"), a.part);
        QCOMPARE(refInts(tracePath, "/annotations/tracks/ending"), a.ending);
        const std::vector<double> barTime = numbers(refArray(tracePath, "/annotations/tracks/bar_time"));
        QCOMPARE(barTime.size(), a.barTime.size());
        for (std::size_t t = 0; t < barTime.size(); ++t)
            QVERIFY(barTime[t] == a.barTime[t] || (std::isnan(barTime[t]) && std::isnan(a.barTime[t])));

        for (AnnotationTrack track : kTraceStatsTracks) {
            const std::string name = annotationDatasetName(track);
            const std::string stored = "/annotations/stats/" + name;
            QCOMPARE(refInts(tracePath, stored + "/values"), refInts(ref, "/" + name + "/values"));
            QCOMPARE(refInts(tracePath, stored + "/count"), refInts(ref, "/" + name + "/count"));
            for (int j = 1; j <= 3; ++j) {
                const std::string layer = "/layer" + std::to_string(j);
                const double dMean = maxAbsDiff(refArray(tracePath, stored + layer + "/mean"),
                                                refArray(ref, "/" + name + layer + "/mean"));
                const double dEta = maxAbsDiff(refArray(tracePath, stored + layer + "/eta2"),
                                               refArray(ref, "/" + name + layer + "/eta2"));
                QVERIFY2(dMean < 1e-12 && dEta < 1e-9,
                         qPrintable(QString("%1 layer %2: mean %3, eta2 %4").arg(name.c_str()).arg(j).arg(dMean).arg(dEta)));
                // ... and the same numbers straight from the analysis.
                const AnnotationStats s = annotationStats(run.signalMatrix(j - 1, Signal::H), a, track);
                QCOMPARE(maxAbsDiff(s.mean, refArray(tracePath, stored + layer + "/mean")), 0.0);
            }
        }
    }

    // eta2 is 1 for a unit that is a function of the value, 0 for one whose mean does not move.
    void etaSquaredExtremes()
    {
        const AnnotationTracks a = annotateRun(run);
        RowMatrixXf x(run.steps(), 3);
        std::map<int, int> seen;
        for (int t = 0; t < run.steps(); ++t) {
            const int p = a.barPosition[static_cast<std::size_t>(t)];
            x(t, 0) = float(p * 0.25);                        // a function of the bar position
            x(t, 1) = seen[p]++ % 2 == 0 ? 1.0f : -1.0f;      // +1, -1, +1... at each position
            x(t, 2) = 0.5f;                                   // constant
        }
        const AnnotationStats s = annotationStats(x, a, AnnotationTrack::BarPosition);
        QVERIFY(std::abs(s.eta2[0] - 1.0) < 1e-12);
        QVERIFY(s.eta2[1] < 0.1);
        QVERIFY(std::isnan(s.eta2[2]));
        long long n = 0;
        for (long long c : s.count)
            n += c;
        QCOMPARE(n, s.steps);
        QCOMPARE(s.values.front(), 0);
    }
};

QTEST_GUILESS_MAIN(TestQueryPattern)
#include "test_query_pattern.moc"

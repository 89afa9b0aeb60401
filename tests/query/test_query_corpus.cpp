// The corpus query (core/analysis/CorpusQuery.h) and `folkrnn-cli query`: per-unit counts over a
// teacher-forced token corpus against tests/reference/numpy_query.py on the same tunes traced by
// `folkrnn-cli trace`; results independent of the thread count; progress and cancel; the pattern
// defined on the first run; seed ranges; corpus statistics; bad input answered with one line.
#include "QueryFixtures.h"
#include "common/TestSupport.h"
#include "core/abc/TokenCorpus.h"
#include "core/analysis/CorpusQuery.h"
#include "core/analysis/TraceFile.h"
#include "core/model/ModelFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;
using namespace folkrnn::analysis;
using namespace folkrnn::querytest;

namespace {

using Csv = std::vector<std::vector<std::string>>;

// Rows of a CSV file without quoted commas (the units file: targets here are plain words).
Csv readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    Csv rows;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        std::vector<std::string> row;
        for (const QByteArray &field : line.split(','))
            row.push_back(field.toStdString());
        rows.push_back(row);
    }
    return rows;
}

double num(const std::string &s) { return s.empty() ? std::nan("") : std::stod(s); }

bool sameNumber(double a, double b, double tol) { return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= tol; }

} // namespace

class TestQueryCorpus : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString modelPath, corpusPath;
    QStringList traces;
    std::shared_ptr<const Model> model;
    CorpusSpec corpus;

    test::ProcessResult cli(const QStringList &args) { return test::runProcess(test::binary("folkrnn-cli"), args, 600000); }

    void expectUsageError(const QStringList &args, const char *mentions)
    {
        const auto r = cli(args);
        QVERIFY2(r.exitCode == 2, qPrintable(args.join(' ') + " -> " + QString::number(r.exitCode)));
        QVERIFY(!r.crashed);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(mentions), r.err.constData());
    }

    // The units of `layers` (all units) with the most matches over the corpus, best first.
    std::vector<QueryUnit> busiestUnits(const CorpusQuerySettings &base, std::size_t n)
    {
        CorpusQuerySettings s = base;
        s.units.clear();
        for (int l : {0, 2})
            for (int u = 0; u < model->hiddenSize(); ++u)
                s.units.push_back({l, u});
        const CorpusQueryResult r = runCorpusQuery(model, corpus, s);
        std::vector<UnitTargetStats> rows;
        for (const auto &row : r.unitStats)
            if (row.unit.layer >= 0 && row.matches > 0)
                rows.push_back(row);
        std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.matches > b.matches; });
        std::vector<QueryUnit> out;
        for (std::size_t k = 0; k < rows.size() && k < n; ++k)
            out.push_back(rows[k].unit);
        return out;
    }

    // Our per-unit rows against numpy's for `units` (in that order; the joint row last).
    void compareWithNumpy(const CorpusQueryResult &r, const std::vector<QueryUnit> &units, const CorpusQuerySettings &s)
    {
        const QString ref = dir.filePath("corpus-ref.h5");
        QStringList unitText;
        for (const QueryUnit &q : units)
            unitText << QString("%1:%2").arg(q.layer + 1).arg(q.unit);
        QStringList args{"corpus", "--traces"};
        args << traces;
        args << QStringList{"--units", unitText.join(','), "--length", QString::number(s.pattern.length),
                            "--threshold", QString::number(s.pattern.threshold, 'g', 17), "--before",
                            QString::number(s.pattern.before), "--after", QString::number(s.pattern.after), "--lag",
                            QString::number(s.lag), "--out", ref};
        const QString err = runNumpyQuery(args);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const RowMatrixXd hits = refArray(ref, "/hits"), matches = refArray(ref, "/matches"),
                          onTarget = refArray(ref, "/matches_on_target"), at = refArray(ref, "/mean_at"),
                          elsewhere = refArray(ref, "/mean_else");
        const double targets = refArray(ref, "/targets")(0, 0);
        QVERIFY(targets > 0);
        for (std::size_t i = 0; i <= units.size(); ++i) {
            const QueryUnit want = i < units.size() ? units[i] : QueryUnit{-1, -1};
            const auto row = std::find_if(r.unitStats.begin(), r.unitStats.end(),
                                          [&](const UnitTargetStats &x) { return x.unit == want && x.target == 0; });
            QVERIFY(row != r.unitStats.end());
            const auto k = static_cast<Eigen::Index>(i);
            QCOMPARE(double(row->targets), targets);
            QCOMPARE(double(row->hits), hits(k, 0));
            QCOMPARE(double(row->matches), matches(k, 0));
            QCOMPARE(double(row->matchesOnTarget), onTarget(k, 0));
            QVERIFY(sameNumber(row->meanAtTargets, at(k, 0), 1e-12));
            QVERIFY(sameNumber(row->meanElsewhere, elsewhere(k, 0), 1e-12));
            QVERIFY(sameNumber(row->recall, hits(k, 0) / targets, 1e-15));
        }
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
        model = std::make_shared<const Model>(loadModelHdf5(modelPath.toStdString()));

        // Three tunes of the samples: an anacrusis, endings, triplets.
        const auto tunes = readTokenCorpus(samplesFile("config5-wrepeats-samples.txt").toStdString());
        std::vector<std::vector<std::string>> picked{tunes[0].tokens, tunes[2].tokens, tunes[6].tokens};
        corpusPath = dir.filePath("corpus.txt");
        QFile f(corpusPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(formatTokenCorpus(picked)));
        f.close();
        for (int k = 1; k <= 3; ++k) {
            traces << dir.filePath(QString("tune%1.h5").arg(k));
            const QString e = runCli({"trace", "--model", modelPath, "--tune", corpusPath, "--tune-number",
                                      QString::number(k), "--out", traces.back()});
            QVERIFY2(e.isEmpty(), qPrintable(e));
        }
        corpus = corpusFromTokenFile(*model, corpusPath.toStdString());
        QCOMPARE(corpus.runs(), 3);
        QCOMPARE(corpus.runName(1), corpusPath.toStdString() + ":5");
    }

    void spikesBeforeBarLinesMatchNumpy()
    {
        CorpusQuerySettings s;
        s.pattern = PatternSpec{1, 1, 1, 0.3, false};
        s.units = busiestUnits(s, 3);
        QCOMPARE(s.units.size(), std::size_t(3));
        const CorpusQueryResult r = runCorpusQuery(model, corpus, s);
        QCOMPARE(r.runs, 3);
        QVERIFY(!r.cancelled);
        long long steps = 0;
        for (const QString &t : traces)
            steps += readTraceFile(t.toStdString()).run.steps();
        QCOMPARE(r.steps, steps);
        compareWithNumpy(r, s.units, s);

        // The same through the CLI, as CSV.
        QStringList unitText;
        for (const QueryUnit &q : s.units)
            unitText << QString("%1:%2").arg(q.layer + 1).arg(q.unit);
        const QString out = dir.filePath("units.csv"), rec = dir.filePath("rec.csv");
        const auto p = cli({"query", "--model", modelPath, "--corpus", corpusPath, "--units", unitText.join(','),
                            "--threshold", "0.3", "--threads", "2", "--out", out, "--recurrences", rec});
        QVERIFY2(p.exitCode == 0, p.err.constData());
        QVERIFY(p.out.contains("bar-line"));
        const Csv csv = readCsv(out);
        QCOMPARE(csv.size(), s.units.size() + 2);
        QCOMPARE(csv[0][0], std::string("target"));
        QCOMPARE(csv[0].size(), std::size_t(14));
        for (std::size_t k = 1; k < csv.size(); ++k) {
            const auto &row = csv[k];
            const UnitTargetStats &want = r.unitStats[k - 1];
            QCOMPARE(row[0], std::string("bar-line"));
            QCOMPARE(row[2], want.unit.layer < 0 ? std::string("all") : std::to_string(want.unit.layer + 1));
            QCOMPARE(row[4], std::to_string(want.targets));
            QCOMPARE(row[5], std::to_string(want.hits));
            QVERIFY(sameNumber(num(row[6]), want.recall, 0));
            QCOMPARE(row[7], std::to_string(want.matches));
            QVERIFY(sameNumber(num(row[11]), want.meanAtTargets, 0));
        }
        // Ranked by f1, the joint row last.
        for (std::size_t k = 2; k + 1 < csv.size(); ++k)
            QVERIFY(num(csv[k - 1][10]) >= num(csv[k][10]));
        QCOMPARE(csv.back()[3], std::string("all"));
        // Every joint match is listed with the music at its anchor step.
        const Csv recs = readCsv(rec);
        QCOMPARE(static_cast<long long>(recs.size()) - 1, r.recurrenceCount);
        QCOMPARE(QDir(dir.path()).entryList(QStringList{"*.tmp*"}, QDir::Files | QDir::Hidden).size(), 0);
    }

    void rangesWithLagMatchNumpy()
    {
        CorpusQuerySettings s;
        s.pattern = PatternSpec{2, 2, 1, 0.2, false};
        s.lag = 1;
        s.units = busiestUnits(s, 2);
        QVERIFY(!s.units.empty());
        compareWithNumpy(runCorpusQuery(model, corpus, s), s.units, s);
    }

    void threadsProgressAndCancel()
    {
        CorpusQuerySettings s;
        s.pattern = PatternSpec{1, 1, 1, 0.3, false};
        for (int u = 0; u < 32; ++u)
            s.units.push_back({2, u});
        s.statsTracks = {AnnotationTrack::BarPosition};
        s.threads = 1;
        std::vector<int> seen;
        const CorpusQueryResult one = runCorpusQuery(model, corpus, s, [&](int done, int total) {
            seen.push_back(done);
            return total == 3;
        });
        QCOMPARE(seen, (std::vector<int>{1, 2, 3}));
        s.threads = 3;
        const CorpusQueryResult three = runCorpusQuery(model, corpus, s);
        QCOMPARE(three.unitStats.size(), one.unitStats.size());
        for (std::size_t k = 0; k < one.unitStats.size(); ++k) {
            QVERIFY(one.unitStats[k].unit == three.unitStats[k].unit);
            QCOMPARE(one.unitStats[k].hits, three.unitStats[k].hits);
            QCOMPARE(one.unitStats[k].meanElsewhere, three.unitStats[k].meanElsewhere);
        }
        QCOMPARE(maxAbsDiff(one.stats[0][2].mean, three.stats[0][2].mean), 0.0);

        // Cancelled after the first run: that run's numbers, flagged.
        const CorpusQueryResult cut = runCorpusQuery(model, corpus, s, [](int, int) { return false; });
        QVERIFY(cut.cancelled);
        QCOMPARE(cut.runs, 1);
        QCOMPARE(cut.runsPlanned, 3);
        QCOMPARE(cut.steps, static_cast<long long>(readTraceFile(traces[0].toStdString()).run.steps()));
    }

    // --pattern: the units are the ones the pattern query returns on the first run.
    void patternDefinedOnFirstRun()
    {
        const Run first = readTraceFile(traces[0].toStdString()).run;
        PatternSpec spec{1, 1, 1, 0.3, false};
        int step = -1;
        std::vector<UnitPatternScore> want;
        for (int t = 10; t < first.steps() && want.size() < 2; ++t) {
            want = unitsMatchingPattern(first.signalMatrix(1, Signal::H), t, t, spec);
            step = t;
        }
        QVERIFY(want.size() >= 2);
        CorpusQuerySettings s;
        s.pattern = spec;
        s.defineLayer = 1;
        s.defineFirst = step;
        s.defineLast = step;
        const CorpusQueryResult r = runCorpusQuery(model, corpus, s);
        QCOMPARE(r.units.size(), want.size());
        for (std::size_t k = 0; k < want.size(); ++k) {
            QCOMPARE(r.units[k].layer, 1);
            QCOMPARE(r.units[k].unit, want[k].unit);
            QCOMPARE(r.definingScores[k].score, want[k].score);
        }
        // The defining step is a joint match of the first run.
        QVERIFY(std::any_of(r.recurrences.begin(), r.recurrences.end(),
                            [&](const PatternRecurrence &x) { return x.run == 0 && x.first == step; }));

        const QString out = dir.filePath("pattern.csv");
        const auto p = cli({"query", "--model", modelPath, "--corpus", corpusPath, "--pattern",
                            QString("%1-%1").arg(step), "--layer", "2", "--threshold", "0.3", "--target", "bar-line",
                            "--target", "category:pitch", "--out", out});
        QVERIFY2(p.exitCode == 0, p.err.constData());
        const Csv csv = readCsv(out);
        QCOMPARE(csv.size(), 1 + 2 * (want.size() + 1));
        QVERIFY(!csv[1][13].empty()); // defining score
        QCOMPARE(csv.back()[0], std::string("category:pitch"));
    }

    void seedRange()
    {
        CorpusSpec seeds;
        seeds.firstSeed = 5;
        seeds.seedCount = 2;
        seeds.maxLength = 120;
        CorpusQuerySettings s;
        s.units = {{0, 1}, {2, 3}};
        const CorpusQueryResult r = runCorpusQuery(model, seeds, s);
        long long steps = 0;
        for (std::uint32_t seed : {5u, 6u}) {
            GenerationSettings g;
            g.seed = seed;
            g.maxLength = 120;
            Generator gen(model, g, false);
            gen.runToEnd();
            steps += gen.run().steps();
        }
        QCOMPARE(r.runs, 2);
        QCOMPARE(r.steps, steps);
        QCOMPARE(seeds.runName(1), std::string("seed 6"));
        const auto p = cli({"query", "--model", modelPath, "--seeds", "5-6", "--max-length", "120", "--units", "1:1,3:3",
                            "--out", dir.filePath("seeds.csv")});
        QVERIFY2(p.exitCode == 0, p.err.constData());
        QVERIFY(p.out.contains("2 run(s), " + QByteArray::number(steps) + " steps"));
    }

    // Unit statistics over the corpus equal numpy's over all the tunes' steps together.
    void corpusStatisticsMatchNumpy()
    {
        const QString out = dir.filePath("stats.csv"), ref = dir.filePath("stats-ref.h5");
        const auto p = cli({"query", "--model", modelPath, "--corpus", corpusPath, "--units", "3:0", "--stats",
                            "bar-position", "--stats", "category", "--stats-out", out, "--out", dir.filePath("u.csv")});
        QVERIFY2(p.exitCode == 0, p.err.constData());
        QStringList args{"stats", "--trace"};
        args << traces << QStringList{"--out", ref};
        const QString err = runNumpyQuery(args);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        // track,value,value_text,count,layer,unit,mean,eta2 (category names hold no commas)
        const Csv csv = readCsv(out);
        QCOMPARE(csv[0].size(), std::size_t(8));
        std::map<std::string, std::vector<int>> values;
        for (const char *name : {"bar_position", "category"})
            values[name] = refInts(ref, std::string("/") + name + "/values");
        QCOMPARE(csv.size() - 1, (values["bar_position"].size() + values["category"].size()) * 3 * 32);
        double worstMean = 0, worstEta = 0;
        for (std::size_t k = 1; k < csv.size(); ++k) {
            const auto &row = csv[k];
            const std::string name = row[0] == "bar-position" ? "bar_position" : "category";
            const auto &vs = values[name];
            const auto v = std::find(vs.begin(), vs.end(), std::stoi(row[1]));
            QVERIFY(v != vs.end());
            const auto vi = static_cast<Eigen::Index>(v - vs.begin());
            const std::string layer = "/layer" + row[4];
            const int u = std::stoi(row[5]);
            worstMean = std::max(worstMean, std::abs(num(row[6]) - refArray(ref, "/" + name + layer + "/mean")(vi, u)));
            const double eta = refArray(ref, "/" + name + layer + "/eta2")(u, 0);
            QVERIFY(sameNumber(num(row[7]), eta, 1e-9));
            worstEta = std::max(worstEta, std::isnan(eta) ? 0.0 : std::abs(num(row[7]) - eta));
        }
        QVERIFY2(worstMean < 1e-12 && worstEta < 1e-9, qPrintable(QString("%1 %2").arg(worstMean).arg(worstEta)));
    }

    void badInput()
    {
        const QString out = dir.filePath("bad.csv");
        const QStringList base{"query", "--model", modelPath, "--corpus", corpusPath};
        expectUsageError({"query", "--model", modelPath, "--corpus", corpusPath, "--units", "3:1"}, "--out");
        expectUsageError(base + QStringList{"--out", out}, "--units");
        expectUsageError(base + QStringList{"--units", "3:1", "--pattern", "1-2", "--out", out}, "either");
        expectUsageError({"query", "--model", modelPath, "--units", "3:1", "--out", out}, "--corpus");
        expectUsageError(base + QStringList{"--units", "4:1", "--out", out}, "--units");
        expectUsageError(base + QStringList{"--units", "3:32", "--out", out}, "--units");
        expectUsageError(base + QStringList{"--units", "3-1", "--out", out}, "--units");
        expectUsageError(base + QStringList{"--units", "3:1", "--target", "token:zz", "--out", out}, "--target");
        expectUsageError(base + QStringList{"--units", "3:1", "--target", "bars", "--out", out}, "--target");
        expectUsageError(base + QStringList{"--units", "3:1", "--threshold", "nan", "--out", out}, "--threshold");
        expectUsageError(base + QStringList{"--units", "3:1", "--before", "-1", "--out", out}, "--before");
        expectUsageError(base + QStringList{"--units", "3:1", "--signal", "q", "--out", out}, "--signal");
        expectUsageError(base + QStringList{"--pattern", "5-2", "--out", out}, "--pattern");
        expectUsageError(base + QStringList{"--pattern", "5000-5001", "--out", out}, "first run");
        expectUsageError(base + QStringList{"--pattern", "1-2", "--length", "2", "--out", out}, "--length");
        expectUsageError(base + QStringList{"--units", "3:1", "--temperature", "0.5", "--out", out}, "--temperature");
        expectUsageError(base + QStringList{"--units", "3:1", "--stats", "bar-position", "--out", out}, "--stats");
        expectUsageError(base + QStringList{"--units", "3:1", "--stats", "beat", "--stats-out", out, "--out", out}, "--stats");
        expectUsageError({"query", "--model", modelPath, "--seeds", "9-2", "--units", "3:1", "--out", out}, "--seeds");
        expectUsageError({"query", "--model", modelPath, "--corpus", dir.filePath("missing.txt"), "--units", "3:1",
                          "--out", out}, "missing.txt");
        expectUsageError(base + QStringList{"--units", "3:1", "--out", dir.path()}, "directory");
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestQueryCorpus)
#include "test_query_corpus.moc"

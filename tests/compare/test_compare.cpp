// Comparison of a baseline and an intervened run (core/compare): per-step KL, differing tokens and
// the measure lengths of each tune, against an independent numpy implementation
// (tests/reference/numpy_compare.py) on runs of the bundled model.
#include "common/TestSupport.h"
#include "core/analysis/TraceFile.h"
#include "core/compare/RunComparison.h"
#include "core/model/OpenModel.h"
#include "core/sim/Generator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <sstream>

using namespace folkrnn;

namespace {

std::vector<std::string> split(const std::string &text)
{
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string t; in >> t;)
        out.push_back(t);
    return out;
}

InterventionSet barUnitAblation()
{
    Intervention a;
    a.layer = 2;
    a.units = {105, 40, 155, 23, 396, 223, 249, 417};
    return InterventionSet{{a}};
}

void compareMeasures(const std::vector<Measure> &ours, const MeasureSummary &summary, const QJsonObject &ref)
{
    const QJsonArray ms = ref["measures"].toArray();
    QCOMPARE(int(ours.size()), int(ms.size()));
    for (int k = 0; k < ms.size(); ++k) {
        const QJsonArray m = ms[k].toArray();
        QCOMPARE(ours[k].firstStep, m[0].toInt());
        QCOMPARE(ours[k].tokens, m[1].toInt());
        QVERIFY(std::abs(ours[k].eighths - m[2].toDouble()) < 1e-9);
        QCOMPARE(ours[k].checked, m[3].toBool());
    }
    QCOMPARE(summary.barLines, ref["bar_lines"].toInt());
    QCOMPARE(summary.checked, ref["checked"].toInt());
    QCOMPARE(summary.irregular, ref["irregular"].toInt());
    QCOMPARE(summary.regular, ref["regular"].toBool());
}

} // namespace

class TestCompare : public QObject {
    Q_OBJECT
private slots:
    void measuresOfAWrittenTune()
    {
        // Bar 2 has a triplet (3 x 2/3) + 2 + 4 = 8 eighths between two plain bar lines: the only
        // checked one. Bar 3's chord counts its first note's length only.
        const auto tune = split("M:4/4 K:Cmaj |: A 2 B c d 4 | (3 A B c d 2 e 4 | [ A 2 c 2 ] B 6 :|");
        const std::vector<Measure> m = measureLengths(tune);
        QCOMPARE(int(m.size()), 3);
        QCOMPARE(m[0].firstStep, 3);
        QCOMPARE(m[0].tokens, 6);
        QCOMPARE(m[0].eighths, 8.0);
        QVERIFY(!m[0].checked);
        QCOMPARE(m[1].firstStep, 10);
        QCOMPARE(m[1].tokens, 8);
        QVERIFY(std::abs(m[1].eighths - 8.0) < 1e-12);
        QVERIFY(m[1].checked && m[1].full());
        QCOMPARE(m[2].tokens, 8);
        QCOMPARE(m[2].eighths, 8.0);
        const MeasureSummary s = summarizeMeasures(tune);
        QCOMPARE(s.barLines, 4);
        QVERIFY(s.regular);
        auto shortBar = tune;
        shortBar[17] = "3"; // e 3: bar 2 is 7 eighths
        const MeasureSummary irregular = summarizeMeasures(shortBar);
        QCOMPARE(irregular.irregular, 1);
        QVERIFY(!irregular.regular);
    }

    void klOfEqualAndDisjointDistributions()
    {
        const double inf = std::numeric_limits<double>::infinity();
        const double a[3] = {std::log(0.5), std::log(0.5), -inf};
        QCOMPARE(klDivergence(a, a, 3), 0.0);
        const double b[3] = {std::log(0.25), std::log(0.25), std::log(0.5)};
        QVERIFY(std::abs(klDivergence(a, b, 3) - std::log(2.0)) < 1e-15);
        const double c[3] = {0.0, -inf, -inf};
        QCOMPARE(klDivergence(a, c, 3), inf);
    }

    void matchesNumpy_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<bool>("teacherForced");
        QTest::newRow("seed 1") << 1 << false;
        QTest::newRow("seed 7") << 7 << false;
        QTest::newRow("seed 23") << 23 << false;
        QTest::newRow("seed 2, teacher-forced") << 2 << true;
    }
    void matchesNumpy()
    {
        QFETCH(int, seed);
        QFETCH(bool, teacherForced);
        if (!test::pythonHasModules({"numpy", "h5py"}))
            QSKIP("Debian's python3-numpy and python3-h5py are needed for the reference");
        auto model = std::make_shared<const Model>(openModel(test::testsDir().toStdString() +
                                                             "/../resources/models/folkrnn-nottingham.h5"));
        GenerationSettings settings;
        settings.seed = static_cast<std::uint32_t>(seed);
        settings.maxLength = 600;
        auto base = std::make_unique<Generator>(model, settings, false);
        base->runToEnd();
        if (teacherForced) {
            // The same tune with and without the ablation: every step compares like with like.
            settings.forcedTune = base->run().tokens();
            base = std::make_unique<Generator>(model, settings, false);
            base->runToEnd();
        }
        Generator intervened(model, settings, false);
        intervened.setInterventions(barUnitAblation());
        intervened.runToEnd();

        const RunComparison c = compareRuns(base->run(), intervened.run());
        QTemporaryDir dir;
        analysis::TraceOptions options;
        options.analyses = false;
        analysis::writeTraceFile(dir.filePath("b.h5").toStdString(), base->run(), *model, {}, options);
        analysis::writeTraceFile(dir.filePath("i.h5").toStdString(), intervened.run(), *model, {}, options);
        const auto ref = test::runPython("numpy_compare.py", {dir.filePath("b.h5"), dir.filePath("i.h5")});
        QVERIFY2(ref.exitCode == 0, ref.err.constData());
        const QJsonObject r = QJsonDocument::fromJson(ref.out).object();

        const QJsonArray kl = r["kl"].toArray();
        QCOMPARE(int(c.kl.size()), kl.size());
        double sum = 0;
        for (int t = 0; t < kl.size(); ++t) {
            const double want = kl[t].toDouble();
            QVERIFY2(std::abs(c.kl[t] - want) <= 1e-12 + 1e-9 * want,
                     qPrintable(QStringLiteral("step %1: %2 vs numpy %3").arg(t).arg(c.kl[t]).arg(want)));
            sum += want;
        }
        QVERIFY2(sum > 0.0, "the ablation changes the distributions");
        const QJsonArray differs = r["differs"].toArray();
        QCOMPARE(int(c.differs.size()), differs.size());
        for (int t = 0; t < differs.size(); ++t)
            QCOMPARE(int(c.differs[t]), differs[t].toInt());
        QCOMPARE(c.firstDifference, r["first_difference"].toInt());
        if (teacherForced)
            QCOMPARE(c.differingTokens, 0);
        compareMeasures(c.baselineBars, c.baselineMeasures, r["baseline"].toObject());
        compareMeasures(c.intervenedBars, c.intervenedMeasures, r["intervened"].toObject());
        QVERIFY(c.baselineMeasures.measures >= 3);
    }
};

QTEST_GUILESS_MAIN(TestCompare)
#include "test_compare.moc"

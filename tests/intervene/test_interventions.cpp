// Interventions: the textual form, and generation with clamps/ablations token for token against an
// independent numpy implementation of the same semantics (tests/reference/numpy_sampler.py).
#include "common/TestSupport.h"
#include "core/intervene/InterventionText.h"
#include "core/util/Error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;

class TestInterventions : public QObject {
    Q_OBJECT
private slots:
    void parsesTheTextForm()
    {
        Intervention c = parseClamp("3:156=0.8@10-40", InterventionTarget::Hidden, InterventionKind::Clamp, "--clamp");
        QCOMPARE(c.layer, 2);
        QCOMPARE(c.units, std::vector<int>{156});
        QCOMPARE(c.value, 0.8);
        QCOMPARE(c.fromStep, 10);
        QCOMPARE(c.toStep, 40);
        Intervention open = parseClamp("1:0=-1@5-", InterventionTarget::Cell, InterventionKind::Clamp, "--clamp-cell");
        QCOMPARE(open.fromStep, 5);
        QCOMPARE(open.toStep, INT_MAX);
        QCOMPARE(open.target, InterventionTarget::Cell);
        Intervention a = parseAblation("2:1,7,9", "--ablate");
        QCOMPARE(a.units, (std::vector<int>{1, 7, 9}));
        QCOMPARE(a.value, 0.0);
        QCOMPARE(formatIntervention(c), std::string("3:156=0.8@10-40"));
        QCOMPARE(formatIntervention(a), std::string("2:1,7,9"));
    }

    void rejectsMalformedText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no colon") << "3156=1";
        QTest::newRow("no value") << "3:156";
        QTest::newRow("layer 0") << "0:1=1";
        QTest::newRow("bad value") << "3:1=abc";
        QTest::newRow("nan value") << "3:1=nan";
        QTest::newRow("bad range") << "3:1=1@9";
        QTest::newRow("empty range") << "3:1=1@9-3";
        QTest::newRow("negative unit") << "3:-1=1";
    }
    void rejectsMalformedText()
    {
        QFETCH(QString, text);
        QVERIFY_THROWS_EXCEPTION(InputError, parseClamp(text.toStdString(), InterventionTarget::Hidden,
                                                        InterventionKind::Clamp, "--clamp"));
    }

    void generationMatchesNumpy_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("clamp h") << QStringList{"--clamp", "3:5=0.9@2-30"};
        QTest::newRow("clamp c") << QStringList{"--clamp-cell", "2:11=-3"};
        QTest::newRow("ablate") << QStringList{"--ablate", "1:0,1,2,3,4,5,6,7,8,9", "--ablate", "3:20,21@4-"};
        QTest::newRow("scale + clamp") << QStringList{"--scale", "2:3=4", "--clamp", "1:9=1"};
    }
    void generationMatchesNumpy()
    {
        QFETCH(QStringList, options);
        if (!test::pythonHasModules({"numpy", "h5py"}))
            QSKIP("Debian's python3-numpy and python3-h5py are needed for the reference");
        QTemporaryDir dir;
        const QString model = dir.filePath("m.h5");
        QCOMPARE(test::runPython("make_random_model.py", {model, "--layers", "3", "--hidden", "64", "--seed", "4"}).exitCode, 0);
        QStringList refArgs{"--model", model, "--count", "2", "--max-length", "300"};
        QStringList seeds;
        for (int s = 1; s <= 10; ++s)
            refArgs << "--seed" << QString::number(s);
        auto ref = test::runPython("numpy_sampler.py", refArgs + options);
        QVERIFY2(ref.exitCode == 0, ref.err.constData());
        const QJsonArray cases = QJsonDocument::fromJson(ref.out).array();
        QCOMPARE(cases.size(), 10);
        int differFromBaseline = 0;
        for (const auto &cv : cases) {
            const QJsonObject c = cv.toObject();
            const QStringList common{"generate", "--model", model, "--seed", QString::number(c["seed"].toInt()),
                                     "--count", "2", "--max-length", "300", "--format", "tokens"};
            auto ours = test::runProcess(test::binary("folkrnn-cli"), common + options);
            QVERIFY2(ours.exitCode == 0, ours.err.constData());
            QStringList expected;
            for (const auto &t : c["tunes"].toArray())
                expected << t.toString();
            QCOMPARE(QString::fromUtf8(ours.out).trimmed().split('\n'), expected);
            auto base = test::runProcess(test::binary("folkrnn-cli"), common);
            differFromBaseline += base.out != ours.out ? 1 : 0;
        }
        QVERIFY2(differFromBaseline > 0, "the intervention changed nothing: the test would not see a wrong one");
    }

    void unitsOutsideTheModelAreRefused()
    {
        auto r = test::runProcess(test::binary("folkrnn-cli"),
                                  {"generate", "--model", test::testsDir() + "/../resources/models/example-random.h5",
                                   "--clamp", "3:64=1"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unit 64 does not exist"));
        r = test::runProcess(test::binary("folkrnn-cli"),
                             {"generate", "--model", test::testsDir() + "/../resources/models/example-random.h5",
                              "--ablate", "4:1"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("layer 4 does not exist"));
    }

    // A change re-runs from the first step at which the two sets can act differently.
    void firstDifferingStep()
    {
        const Intervention early{0, {1}, InterventionTarget::Hidden, InterventionKind::Clamp, 0.5, 0, 1000, true};
        const Intervention late{2, {3}, InterventionTarget::Cell, InterventionKind::Clamp, 1.0, 40, 90, true};
        InterventionSet a{{early, late}};
        QCOMPARE(a.firstDifferingStep(a), INT_MAX);
        InterventionSet b = a;
        b.items[1].value = -1.0;
        QCOMPARE(a.firstDifferingStep(b), 40); // the unchanged clamp from 0 needs no re-run
        b.items[1].fromStep = 30;
        QCOMPARE(a.firstDifferingStep(b), 30); // the earlier start of the two
        QCOMPARE(b.firstDifferingStep(a), 30);
        b = a;
        b.items[0].enabled = false;            // switched off: its steps change from 0
        QCOMPARE(a.firstDifferingStep(b), 0);
        b = a;
        b.items.push_back({1, {2}, InterventionTarget::Hidden, InterventionKind::Scale, 2.0, 70, 80, false});
        QCOMPARE(a.firstDifferingStep(b), INT_MAX); // a disabled addition acts on nothing
        b.items.back().enabled = true;
        QCOMPARE(a.firstDifferingStep(b), 70);  // only the addition differs
        QCOMPARE(a.firstDifferingStep(InterventionSet{}), 0);
    }
};

QTEST_GUILESS_MAIN(TestInterventions)
#include "test_interventions.moc"

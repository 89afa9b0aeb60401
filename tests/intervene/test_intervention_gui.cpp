// The clamp panel, the undoable intervention commands, the baseline run kept by the Document and
// the comparison view (offscreen). Numbers of the comparison are checked against numpy
// (tests/reference/numpy_compare.py) on the runs the Document shows.
#include "common/TestSupport.h"

#include "Document.h"
#include "InterventionDocks.h"

#include "core/analysis/TraceFile.h"
#include "core/sim/Generator.h"
#include "widgets/compare/ComparisonView.h"
#include "widgets/intervene/ClampPanel.h"
#include "widgets/intervene/ClampRow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <cstring>

using namespace folkrnn;
using folkrnn::gui::Document;

namespace {

QString modelPath(const char *name) { return test::testsDir() + "/../resources/models/" + name; }

// Everything a run recorded, for exact comparison.
struct Snapshot {
    std::vector<int> tokens;
    std::vector<double> logProbs;
    std::vector<float> signalValues;
};

Snapshot snapshot(const Run &r)
{
    Snapshot s;
    s.tokens = r.tokens();
    const auto lp = r.logProbMatrix();
    s.logProbs.assign(lp.data(), lp.data() + lp.size());
    for (int l = 0; l < r.numLayers(); ++l)
        for (Signal sig : kSignals) {
            const auto m = r.signalMatrix(l, sig);
            s.signalValues.insert(s.signalValues.end(), m.data(), m.data() + m.size());
        }
    return s;
}

bool identical(const Snapshot &a, const Snapshot &b)
{
    return a.tokens == b.tokens && a.logProbs.size() == b.logProbs.size() &&
           std::memcmp(a.logProbs.data(), b.logProbs.data(), a.logProbs.size() * sizeof(double)) == 0 &&
           a.signalValues.size() == b.signalValues.size() &&
           std::memcmp(a.signalValues.data(), b.signalValues.data(), a.signalValues.size() * sizeof(float)) == 0;
}

void runTo(Document &doc, int steps)
{
    doc.advanceTo(steps);
    QTRY_VERIFY_WITH_TIMEOUT(!doc.busy(), 120000);
}

// Re-runs of more than a few steps happen on the worker thread: wait for them.
void waitIdle(Document &doc) { QTRY_VERIFY_WITH_TIMEOUT(!doc.busy(), 120000); }

// As waitIdle, returning as soon as the document has published the finished run to its views:
// QTRY_VERIFY looks every 50 ms, too coarse to time a re-run of about 100 ms.
void waitIdleToTime(Document &doc)
{
    QEventLoop loop;
    QObject::connect(&doc, &Document::changed, &loop, [&] {
        if (!doc.busy())
            loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    if (doc.busy())
        loop.exec();
    QVERIFY(!doc.busy());
}

} // namespace

class TestInterventionGui : public QObject {
    Q_OBJECT
private slots:
    void noInterventionIsBitIdenticalToBaseline()
    {
        Document doc;
        doc.openModel(modelPath("example-random.h5"));
        runTo(doc, 150);
        const Snapshot before = snapshot(*doc.run());
        // A disabled clamp: the Document now keeps a separate baseline generator.
        Intervention off;
        off.layer = 1;
        off.units = {3};
        off.value = 0.9;
        off.enabled = false;
        doc.setInterventions(InterventionSet{{off}});
        waitIdle(doc);
        QVERIFY(doc.baselineRun().get() != doc.run().get());
        QVERIFY(identical(snapshot(*doc.run()), before));
        QVERIFY(identical(snapshot(*doc.baselineRun()), before));
        // And both equal a generator that never had an intervention.
        Generator fresh(doc.model(), doc.settings());
        while (fresh.run().steps() < 150 && !fresh.finished())
            fresh.stepForward();
        QVERIFY(identical(snapshot(fresh.run()), before));
    }

    void clampViaPanelReadsExactlyTheValue()
    {
        QMainWindow window;
        Document doc;
        gui::InterventionDocks docks(&window, &doc);
        doc.openModel(modelPath("example-random.h5"));
        runTo(doc, 120);
        widgets::ClampPanel *panel = docks.clampPanel();
        doc.selection()->setLayer(1);
        doc.selection()->setUnits({5});
        QVERIFY(panel->addButton()->isEnabled());
        QTest::mouseClick(panel->addButton(), Qt::LeftButton);
        QCOMPARE(panel->rowCount(), 1);
        QCOMPARE(doc.interventions().items.size(), std::size_t(1));
        widgets::ClampRow *row = panel->row(0);
        row->fromBox()->setValue(10);
        row->toBox()->setValue(40);
        row->slider()->setValue(730); // h: 730 of 1000 -> 0.73
        waitIdle(doc);
        QCOMPARE(doc.interventions().items[0].value, 0.73);
        QCOMPARE(doc.interventions().items[0].fromStep, 10);
        QCOMPARE(doc.interventions().items[0].toStep, 40);
        const Run &r = *doc.run();
        QCOMPARE(r.steps(), 120);
        for (int t = 10; t <= 40; ++t)
            QCOMPARE(r.signal(t, 1, Signal::H)[5], float(0.73));
        int outside = 0;
        for (int t = 0; t < r.steps(); ++t)
            outside += (t < 10 || t > 40) && r.signal(t, 1, Signal::H)[5] != float(0.73);
        QCOMPARE(outside, r.steps() - 31);
        // The downstream effect equals a generator given the same set (core is tested against numpy).
        Generator direct(doc.model(), doc.settings());
        direct.setInterventions(doc.interventions());
        while (direct.run().steps() < 120 && !direct.finished())
            direct.stepForward();
        QVERIFY(identical(snapshot(direct.run()), snapshot(r)));
        // The baseline is untouched, and the comparison view compares the two.
        Generator untouched(doc.model(), doc.settings());
        while (untouched.run().steps() < 120 && !untouched.finished())
            untouched.stepForward();
        QVERIFY(identical(snapshot(untouched.run()), snapshot(*doc.baselineRun())));
        QVERIFY(docks.comparisonView()->comparison().maxKl > 0.0);
        QCOMPARE(docks.comparisonView()->comparison().kl[5], 0.0); // before the clamp starts
    }

    void undoReturnsTheExactPreviousState()
    {
        QMainWindow window;
        Document doc;
        gui::InterventionDocks docks(&window, &doc);
        doc.openModel(modelPath("example-random.h5"));
        runTo(doc, 100);
        QUndoStack *stack = doc.undoStack();
        const int base = stack->count();
        std::vector<Snapshot> states{snapshot(*doc.run())};
        std::vector<InterventionSet> sets{doc.interventions()};
        const auto record = [&] {
            waitIdle(doc);
            states.push_back(snapshot(*doc.run()));
            sets.push_back(doc.interventions());
        };
        widgets::ClampPanel *panel = docks.clampPanel();
        doc.selection()->setLayer(2);
        doc.selection()->setUnits({7, 11});
        QTest::mouseClick(panel->addButton(), Qt::LeftButton); // two rows, both ablations
        record();
        QCOMPARE(panel->rowCount(), 2);
        // One drag of a slider, several values: one undo step.
        QSlider *slider = panel->row(0)->slider();
        slider->setSliderDown(true);
        for (int v : {100, 400, -650})
            slider->setValue(v);
        slider->setSliderDown(false);
        record();
        QCOMPARE(stack->count() - base, 2);
        panel->row(1)->targetBox()->setCurrentIndex(1); // c instead of h
        record();
        panel->row(1)->enabledBox()->setChecked(false);
        record();
        panel->row(0)->fromBox()->setValue(30);
        record();
        QCOMPARE(stack->count() - base, 5);
        for (std::size_t k = states.size() - 1; k > 0; --k) {
            stack->undo();
            waitIdle(doc);
            QVERIFY2(doc.interventions() == sets[k - 1], qPrintable(QStringLiteral("set after undo %1").arg(k)));
            QVERIFY2(identical(snapshot(*doc.run()), states[k - 1]), qPrintable(QStringLiteral("run after undo %1").arg(k)));
            QCOMPARE(panel->rowCount(), int(sets[k - 1].items.size()));
        }
        for (std::size_t k = 1; k < states.size(); ++k) {
            stack->redo();
            waitIdle(doc);
            QVERIFY(doc.interventions() == sets[k]);
            QVERIFY2(identical(snapshot(*doc.run()), states[k]), qPrintable(QStringLiteral("run after redo %1").arg(k)));
        }
    }

    void comparisonMatchesNumpy_data()
    {
        QTest::addColumn<bool>("teacherForced");
        QTest::newRow("sampled") << false;
        QTest::newRow("teacher-forced") << true;
    }
    void comparisonMatchesNumpy()
    {
        QFETCH(bool, teacherForced);
        if (!test::pythonHasModules({"numpy", "h5py"}))
            QSKIP("Debian's python3-numpy and python3-h5py are needed for the reference");
        QMainWindow window;
        Document doc;
        gui::InterventionDocks docks(&window, &doc);
        doc.openModel(modelPath("folkrnn-nottingham.h5"));
        GenerationSettings s = doc.settings();
        s.seed = 5;
        s.maxLength = 400;
        doc.changeSettings(s);
        runTo(doc, 400);
        if (teacherForced) {
            doc.changeSettings(doc.traceSettings(QString::fromStdString([&] {
                std::string text;
                for (int t : doc.run()->tokens())
                    text += doc.run()->tokenText(t) + " ";
                return text;
            }())));
            QTRY_VERIFY_WITH_TIMEOUT(!doc.busy(), 120000);
        }
        Intervention ablate;
        ablate.layer = 2;
        ablate.units = {105, 40, 155, 23, 396, 223, 249, 417};
        doc.changeInterventions(InterventionSet{{ablate}}, QStringLiteral("ablate"));
        waitIdle(doc);
        const RunComparison &c = docks.comparisonView()->comparison();
        QCOMPARE(c.baselineSteps, doc.baselineRun()->steps());
        QCOMPARE(c.intervenedSteps, doc.run()->steps());
        if (teacherForced)
            QCOMPARE(c.differingTokens, 0);
        QTemporaryDir dir;
        analysis::TraceOptions options;
        options.analyses = false;
        analysis::writeTraceFile(dir.filePath("b.h5").toStdString(), *doc.baselineRun(), *doc.model(), {}, options);
        analysis::writeTraceFile(dir.filePath("i.h5").toStdString(), *doc.run(), *doc.model(), {}, options);
        const auto ref = test::runPython("numpy_compare.py", {dir.filePath("b.h5"), dir.filePath("i.h5")});
        QVERIFY2(ref.exitCode == 0, ref.err.constData());
        const QJsonObject r = QJsonDocument::fromJson(ref.out).object();
        const QJsonArray kl = r["kl"].toArray();
        QCOMPARE(int(c.kl.size()), kl.size());
        for (int t = 0; t < kl.size(); ++t)
            QVERIFY(std::abs(c.kl[t] - kl[t].toDouble()) <= 1e-12 + 1e-9 * kl[t].toDouble());
        QCOMPARE(c.firstDifference, r["first_difference"].toInt());
        QCOMPARE(c.baselineMeasures.barLines, r["baseline"].toObject()["bar_lines"].toInt());
        QCOMPARE(c.intervenedMeasures.barLines, r["intervened"].toObject()["bar_lines"].toInt());
        QCOMPARE(int(c.intervenedBars.size()), r["intervened"].toObject()["measures"].toArray().size());
        QCOMPARE(c.intervenedMeasures.regular, r["intervened"].toObject()["regular"].toBool());
    }

    // Not a pass/fail test on a shared machine: prints how long a slider change holds the UI
    // thread (the re-run goes to the worker) and how long until 500 re-run steps of the bundled
    // 3x512 model (teacher-forced, so the length is fixed) reach the views. The target is 150 ms.
    // A clamp in the top layer re-runs that layer alone (the two below are kept from the run
    // before: LowerLayerCache); one in the first layer re-runs all three.
    void sliderRerunTime_data()
    {
        QTest::addColumn<int>("layer");
        QTest::newRow("layer 3") << 2;
        QTest::newRow("layer 2") << 1;
        QTest::newRow("layer 1") << 0;
    }
    void sliderRerunTime()
    {
        QFETCH(int, layer);
        QMainWindow window;
        Document doc;
        gui::InterventionDocks docks(&window, &doc);
        doc.openModel(modelPath("folkrnn-nottingham.h5"));
        QString tune;
        for (int k = 0; k < 50; ++k)
            tune += QStringLiteral("| A B c d e f g a b ");
        doc.changeSettings(doc.traceSettings(QStringLiteral("M:4/4 K:Cmaj ") + tune));
        QTRY_VERIFY_WITH_TIMEOUT(!doc.busy(), 120000);
        QVERIFY(doc.run()->steps() >= 500);
        doc.selection()->setLayer(layer);
        doc.selection()->setUnits({105});
        QTest::mouseClick(docks.clampPanel()->addButton(), Qt::LeftButton);
        QSlider *slider = docks.clampPanel()->row(0)->slider();
        slider->setSliderDown(true);
        const int steps = doc.run()->steps();
        std::vector<double> held, rerun;
        for (int v = 100; v <= 1000; v += 100) {
            QElapsedTimer timer;
            timer.start();
            slider->setValue(v);
            held.push_back(timer.nsecsElapsed() / 1e6);
            waitIdleToTime(doc);
            rerun.push_back(timer.nsecsElapsed() / 1e6);
        }
        // A drag faster than the re-run: every value restarts it, none waits for the last.
        QElapsedTimer drag;
        drag.start();
        for (int v = 0; v <= 1000; v += 50)
            slider->setValue(v);
        const double dragMs = drag.nsecsElapsed() / 1e6;
        waitIdle(doc);
        slider->setSliderDown(false);
        QCOMPARE(doc.run()->steps(), steps);
        QCOMPARE(doc.interventions().items[0].value, 1.0);
        std::sort(held.begin(), held.end());
        std::sort(rerun.begin(), rerun.end());
        qInfo("layer %d unit 106, slider change: UI thread held median %.1f ms (max %.1f); %d steps re-run and shown: median %.1f ms "
              "(min %.1f, max %.1f); 21 values dragged in %.1f ms",
              layer + 1, held[held.size() / 2], held.back(), doc.run()->steps(), rerun[rerun.size() / 2], rerun.front(),
              rerun.back(), dragMs);
        QCOMPARE(doc.undoStack()->count(), 3); // settings, add, one drag
    }
};

QTEST_MAIN(TestInterventionGui)
#include "test_intervention_gui.moc"

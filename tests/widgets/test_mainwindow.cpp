// The main window and its Document: stepping back and forth reproduces identical state, a
// malformed model is refused with a message and the previous model stays, bad settings are
// refused the same way, long runs go to the background and can be cancelled, a tune is traced.
#include "common/RandomModel.h"

#include "Document.h"
#include "MainWindow.h"
#include "SettingsPanel.h"
#include "ViewDocks.h"

#include "core/model/ModelFile.h"
#include "core/sim/Run.h"
#include "widgets/common/InspectorView.h"
#include "widgets/heatmap/LogProbHeatmapView.h"
#include "widgets/stepstats/StepStatsView.h"

#include <qcustomplot.h>

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace folkrnn;
using namespace folkrnn::gui;

namespace {

// Everything a user could see of a run, compared exactly.
void compareRuns(const Run &a, const Run &b)
{
    QCOMPARE(a.steps(), b.steps());
    QCOMPARE(a.tokens(), b.tokens());
    QVERIFY(a.logProbMatrix() == b.logProbMatrix());
    for (int l = 0; l < a.numLayers(); ++l)
        for (Signal s : kSignals)
            QVERIFY(a.signalMatrix(l, s) == b.signalMatrix(l, s));
}

QMessageBox *errorBox(QWidget *window)
{
    for (QMessageBox *box : window->findChildren<QMessageBox *>())
        if (box->objectName() == QLatin1String("errorMessage") && box->isVisible())
            return box;
    return nullptr;
}

// The views of the default layout (the analyses start closed; test_mainwindow_analysis has them).
QList<widgets::InspectorView *> stepViews(const MainWindow &w)
{
    QList<widgets::InspectorView *> out;
    for (QDockWidget *d : w.viewDocks()->docks(ViewDocks::Group::Main))
        out << static_cast<widgets::InspectorView *>(d->widget());
    return out;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString modelPath;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("folk-rnn-tests"));
        QVERIFY(dir.isValid());
        modelPath = dir.filePath(QStringLiteral("model.h5"));
        Model m = testsupport::randomModel(2, 32, 3);
        m.denseB[m.endToken()] -= 4.0f; // long tunes to step through
        saveModelHdf5(m, modelPath.toStdString());
    }

    void stepBackAndForthIsIdentical()
    {
        MainWindow w(false);
        w.show();
        QVERIFY(w.openModel(modelPath));
        Document *doc = w.document();
        for (int k = 0; k < 30 && w.actions().stepForward->isEnabled(); ++k)
            w.actions().stepForward->trigger();
        const int n = doc->run()->steps();
        QVERIFY(n > 10);
        QCOMPARE(doc->selection()->step(), n - 1);
        const Run before = *doc->run();
        auto *heatmap = static_cast<widgets::LogProbHeatmapView *>(w.viewDocks()->view(QStringLiteral("logprob-heatmap")));
        QCPColorMapData cellsBefore = *heatmap->colorMap()->data();
        for (int k = 0; k < 8; ++k)
            w.actions().stepBack->trigger();
        QCOMPARE(doc->run()->steps(), n - 8);
        QCOMPARE(doc->selection()->step(), n - 9);
        for (const auto *v : stepViews(w))
            QCOMPARE(v->shownStep(), n - 9);
        for (int k = 0; k < 8; ++k)
            w.actions().stepForward->trigger();
        compareRuns(*doc->run(), before);
        QCPColorMapData *cellsAfter = heatmap->colorMap()->data();
        for (int t = 0; t < n; ++t)
            for (int row = 0; row < cellsAfter->valueSize(); ++row)
                QCOMPARE(cellsAfter->cell(t, row), cellsBefore.cell(t, row));
        for (const auto *v : stepViews(w))
            QCOMPARE(v->shownStep(), n - 1);
        // Navigation moves the selection only, never the run.
        w.actions().firstStep->trigger();
        QCOMPARE(doc->selection()->step(), 0);
        w.actions().nextStep->trigger();
        QCOMPARE(doc->selection()->step(), 1);
        w.actions().lastStep->trigger();
        QCOMPARE(doc->selection()->step(), n - 1);
        compareRuns(*doc->run(), before);
    }

    void malformedModelKeepsThePreviousOne()
    {
        MainWindow w(false);
        w.show();
        QVERIFY(w.openModel(modelPath));
        Document *doc = w.document();
        doc->advanceTo(12);
        const auto model = doc->model();
        const Run before = *doc->run();
        const QString bad = dir.filePath(QStringLiteral("broken.h5"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not an HDF5 file");
        f.close();
        QVERIFY(!w.openModel(bad));
        QMessageBox *box = errorBox(&w);
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("broken.h5")), qPrintable(box->text()));
        box->close();
        QTRY_VERIFY(!errorBox(&w));
        QCOMPARE(doc->model(), model);
        QCOMPARE(doc->modelPath(), modelPath);
        compareRuns(*doc->run(), before);
    }

    void badPrimeIsNamedAndChangesNothing()
    {
        MainWindow w(false);
        w.show();
        QVERIFY(w.openModel(modelPath));
        Document *doc = w.document();
        const GenerationSettings before = doc->settings();
        SettingsRequest r = w.settingsPanel()->request();
        r.prime = QStringLiteral("M:4/4 Q:nonsense K:Cmaj zz9");
        w.applySettings(r);
        QMessageBox *box = errorBox(&w);
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("Q:nonsense")) && box->text().contains(QStringLiteral("zz9")),
                 qPrintable(box->text()));
        box->close();
        QVERIFY(doc->settings() == before);
        r.prime = QStringLiteral("M:4/4 K:Cmaj");
        r.seed = QStringLiteral("99999999999");
        w.applySettings(r);
        box = errorBox(&w);
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("seed")));
        box->close();
        QVERIFY(doc->settings() == before);
    }

    void settingsAreUndoable()
    {
        MainWindow w(false);
        w.show();
        QVERIFY(w.openModel(modelPath));
        Document *doc = w.document();
        doc->advanceTo(20);
        const Run first = *doc->run();
        SettingsRequest r = w.settingsPanel()->request();
        r.seed = QStringLiteral("7");
        r.prime = QStringLiteral("M:3/4 K:Cmin");
        w.applySettings(r);
        QCOMPARE(doc->settings().seed, 7u);
        QCOMPARE(doc->run()->token(0), doc->model()->tokenIndex("M:3/4"));
        QCOMPARE(w.settingsPanel()->seedEdit()->text(), QStringLiteral("7"));
        doc->undoStack()->undo();
        QCOMPARE(doc->settings().seed, 42u);
        QCOMPARE(w.settingsPanel()->seedEdit()->text(), QStringLiteral("42"));
        compareRuns(*doc->run(), first);
    }

    void longRunsAreBackgroundAndCancellable()
    {
        MainWindow w(false);
        w.show();
        QVERIFY(w.openModel(modelPath));
        Document *doc = w.document();
        SettingsRequest r = w.settingsPanel()->request();
        r.maxLength = 5000;
        w.applySettings(r);
        // Runs are long only if </s> never comes: trace a long tune instead of sampling.
        QString tune = QStringLiteral("M:4/4 K:Cmaj");
        for (int k = 0; k < 3000; ++k)
            tune += QStringLiteral(" C D E F G A B c |");
        w.traceTune(tune);
        QVERIFY(doc->busy()); // more than a few steps: on the worker thread
        QVERIFY(!w.actions().stepForward->isEnabled());
        QVERIFY(w.actions().cancel->isEnabled());
        QTRY_VERIFY(doc->jobDone() > 100); // the worker makes progress while the UI thread runs
        w.actions().cancel->trigger();
        QTRY_VERIFY(!doc->busy());
        QVERIFY(doc->run()->steps() > 100);
        QVERIFY(doc->run()->steps() < 2 + 9 * 3000 + 1);
        QCOMPARE(doc->selection()->step(), doc->run()->steps() - 1);
        // Run to end finishes the tune in the background.
        w.actions().runToEnd->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!doc->busy(), 120000);
        QCOMPARE(doc->run()->steps(), 2 + 9 * 3000 + 1);
    }

    void traceRecordsTheTunesLogProbabilities()
    {
        MainWindow w(false);
        w.show();
        QVERIFY(w.openModel(modelPath));
        Document *doc = w.document();
        w.traceTune(QStringLiteral("X:1\nM:4/4\nK:Cmaj\n|: C D E F | G A B c :|"));
        QTRY_VERIFY(!doc->busy());
        const Run &run = *doc->run();
        const std::vector<std::string> expected{"M:4/4", "K:Cmaj", "|:", "C", "D", "E", "F", "|", "G",
                                                "A",     "B",      "c",  ":|", "</s>"};
        QCOMPARE(run.steps(), int(expected.size()));
        auto *stats = static_cast<widgets::StepStatsView *>(w.viewDocks()->view(QStringLiteral("step-statistics")));
        const QCPGraph *chosen = stats->plot()->graph(1);
        for (int t = 0; t < run.steps(); ++t) {
            QCOMPARE(run.tokenText(run.token(t)), expected[t]);
            QVERIFY(run.forced(t));
            QCOMPARE(chosen->data()->at(t)->value, run.logProbs(t)[run.token(t)] / std::log(10.0));
        }
        QVERIFY(!w.actions().stepForward->isEnabled()); // the tune is over
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"

// The main window's analysis, query and audio wiring: the Analysis menu opens every analysis
// view; a closed or hidden view is detached and comes back up to date when shown; a click in one
// view moves every other (the analyses included); the window with every dock open survives a model
// change and a malformed model; the Listen controls say so when there is no audio device.
#include "common/RandomModel.h"

#include "Document.h"
#include "MainWindow.h"
#include "ViewDocks.h"

#include "core/analysis/MaxMagnitude.h"
#include "core/model/ModelFile.h"
#include "core/sim/Run.h"
#include "widgets/analysis/common/AnalysisPlot.h"
#include "widgets/analysis/maxmagnitude/MaxMagnitudeView.h"
#include "widgets/analysis/sorted/SortedActivationsView.h"
#include "widgets/analysis/svd/SoftmaxSvdView.h"
#include "widgets/analysis/tokenassoc/TokenAssociationView.h"
#include "widgets/audio/PlayerBar.h"
#include "widgets/query/PatternQueryView.h"
#include "widgets/query/CorpusQueryPanel.h"

#include <qcustomplot.h>

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMediaDevices>
#include <QAudioDevice>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace folkrnn;
using namespace folkrnn::gui;
using folkrnn::widgets::InspectorView;

namespace {

const QStringList kAnalysisViews{QStringLiteral("sorted-activations"), QStringLiteral("max-magnitude"),
                                 QStringLiteral("unit-spectra"),       QStringLiteral("unit-token-association"),
                                 QStringLiteral("softmax-svd"),        QStringLiteral("logit-push"),
                                 QStringLiteral("weight-gramian"),     QStringLiteral("gate-inputs"),
                                 QStringLiteral("gate-subspace"),      QStringLiteral("pattern-query")};

QList<QAction *> menuViewActions(const MainWindow &w)
{
    QList<QAction *> out;
    for (QAction *a : w.analysisMenu()->actions())
        if (a->objectName().startsWith(QLatin1String("show-")))
            out << a;
    return out;
}

// Whether the view has what it needs: the run (and, for a weight view, the model's analyses).
bool attached(const InspectorView *v, const Document &doc)
{
    if (const auto *w = qobject_cast<const widgets::WeightPlotView *>(v))
        return w->weightAnalyses() && w->model() == doc.model().get();
    return v->run() == doc.run().get();
}

QMessageBox *errorBox(QWidget *window)
{
    for (QMessageBox *box : window->findChildren<QMessageBox *>())
        if (box->objectName() == QLatin1String("errorMessage") && box->isVisible())
            return box;
    return nullptr;
}

void openEveryViewFloating(MainWindow &w)
{
    // Floating, every analysis is on screen at once (docked they would be tabs, one visible).
    for (QAction *a : menuViewActions(w)) {
        a->trigger();
        QDockWidget *d = w.viewDocks()->dock(a->objectName().mid(5));
        d->setFloating(true);
        d->resize(700, 500);
        d->show();
    }
    // The log-probabilities were their tab group: bring its tab to the front, as a user would.
    w.viewDocks()->dock(QStringLiteral("logprob-heatmap"))->raise();
}

void click(widgets::PlotView *view, QPoint pos) { QTest::mouseClick(view->plot(), Qt::LeftButton, {}, pos); }

} // namespace

class TestMainWindowAnalysis : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString modelPath, otherModelPath;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("folk-rnn-tests"));
        QVERIFY(dir.isValid());
        modelPath = dir.filePath(QStringLiteral("model.h5"));
        Model m = testsupport::randomModel(2, 32, 3);
        m.denseB[m.endToken()] -= 4.0f; // long tunes
        saveModelHdf5(m, modelPath.toStdString());
        otherModelPath = dir.filePath(QStringLiteral("other.h5"));
        Model other = testsupport::randomModel(3, 20, 9);
        other.denseB[other.endToken()] -= 4.0f;
        saveModelHdf5(other, otherModelPath.toStdString());
    }

    void analysisMenuOpensEveryView()
    {
        MainWindow w(false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openModel(modelPath));
        Document *doc = w.document();
        doc->advanceTo(40);
        QTRY_VERIFY(!doc->busy()); // long runs step on a worker
        QCoreApplication::processEvents(); // the deferred default layout
        const QList<QAction *> actions = menuViewActions(w);
        QStringList listed;
        for (QAction *a : actions)
            listed << a->objectName().mid(5);
        QCOMPARE(listed, kAnalysisViews);
        for (const QString &id : kAnalysisViews) {
            // Closed by default, and then holding no run: nothing is computed for it.
            QVERIFY2(!w.viewDocks()->dock(id)->isVisible(), qPrintable(id));
            QVERIFY2(!attached(w.viewDocks()->view(id), *doc), qPrintable(id));
        }
        for (QAction *a : actions) {
            const QString id = a->objectName().mid(5);
            InspectorView *v = w.viewDocks()->view(id);
            QCOMPARE(a->text(), v->title());
            a->trigger();
            QDockWidget *d = w.viewDocks()->dock(id);
            QTRY_VERIFY2(d->isVisible() && v->isVisible(), qPrintable(id)); // shown and its tab raised
            QVERIFY2(attached(v, *doc), qPrintable(id));
            QVERIFY2(!d->isFloating(), qPrintable(id));
        }
        // All ten are tabs of one place: only the last raised one is on screen, the others give
        // back the run (a weight view keeps its analyses: the cache has them anyway).
        for (const QString &id : kAnalysisViews.mid(0, kAnalysisViews.size() - 1)) {
            InspectorView *v = w.viewDocks()->view(id);
            QVERIFY2(!w.viewDocks()->dock(id)->isFloating(), qPrintable(id));
            if (!qobject_cast<widgets::WeightPlotView *>(v))
                QTRY_VERIFY2(!v->run(), qPrintable(id));
        }
        // A view shown again is up to date with what changed while it was hidden.
        doc->advanceTo(50);
        QTRY_VERIFY(!doc->busy()); // long runs step on a worker
        doc->selection()->setStep(33);
        auto *sorted = static_cast<widgets::SortedActivationsView *>(w.viewDocks()->view(QStringLiteral("sorted-activations")));
        actions.front()->trigger();
        QTRY_VERIFY(attached(sorted, *doc));
        QCOMPARE(sorted->shownStep(), 33);
        QCOMPARE(sorted->colorMap()->data()->keySize(), 50);
        // The main views are all attached, but the log-probabilities: a tab under the analyses.
        for (QDockWidget *d : w.viewDocks()->docks(ViewDocks::Group::Main))
            if (d != w.viewDocks()->dock(QStringLiteral("logprob-heatmap")))
                QVERIFY2(attached(static_cast<InspectorView *>(d->widget()), *doc), qPrintable(d->objectName()));
        QVERIFY(!w.viewDocks()->view(QStringLiteral("logprob-heatmap"))->run());
    }

    void aClickInOneViewMovesTheOthers()
    {
        MainWindow w(false);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openModel(modelPath));
        Document *doc = w.document();
        doc->advanceTo(60);
        QTRY_VERIFY(!doc->busy()); // long runs step on a worker
        QCoreApplication::processEvents();
        openEveryViewFloating(w);
        for (InspectorView *v : w.viewDocks()->views())
            QTRY_VERIFY2(attached(v, *doc), qPrintable(v->viewId()));
        // A step clicked in the sorted activations (an analysis view) moves every step view.
        auto *sorted = static_cast<widgets::SortedActivationsView *>(w.viewDocks()->view(QStringLiteral("sorted-activations")));
        sorted->plot()->replot();
        QCPAxisRect *rect = sorted->plot()->axisRect();
        const QPoint at(int(std::lround(rect->axis(QCPAxis::atBottom)->coordToPixel(17))),
                        int(std::lround(rect->axis(QCPAxis::atLeft)->coordToPixel(3))));
        click(sorted, at);
        QCOMPARE(doc->selection()->step(), 17);
        const QStringList stepViews{QStringLiteral("logprob-heatmap"), QStringLiteral("abc"), QStringLiteral("distribution"),
                                    QStringLiteral("step-statistics"), QStringLiteral("activation-heatmap"),
                                    QStringLiteral("annotation-tracks"), QStringLiteral("sorted-activations")};
        for (const QString &id : stepViews)
            QTRY_COMPARE(w.viewDocks()->view(id)->shownStep(), 17);
        // A unit clicked in the maximum-magnitude ranking is the unit of the token association.
        doc->selection()->setLayer(1);
        auto *maxMag = static_cast<widgets::MaxMagnitudeView *>(w.viewDocks()->view(QStringLiteral("max-magnitude")));
        maxMag->plot()->replot();
        const auto &max = maxMag->maxMagnitude();
        const int unit = max.order[2];
        QCPAxisRect *mr = maxMag->plot()->axisRect();
        click(maxMag, QPoint(int(std::lround(mr->axis(QCPAxis::atBottom)->coordToPixel(2))),
                             int(std::lround(mr->axis(QCPAxis::atLeft)->coordToPixel(max.perUnit[unit])))));
        QCOMPARE(doc->selection()->units(), QList<int>{unit});
        auto *assoc = static_cast<widgets::TokenAssociationView *>(w.viewDocks()->view(QStringLiteral("unit-token-association")));
        QCOMPARE(assoc->shownUnit(), unit);
        // The softmax SVD's "select units" (a weight view) moves them too: the last layer's units.
        auto *svd = static_cast<widgets::SoftmaxSvdView *>(w.viewDocks()->view(QStringLiteral("softmax-svd")));
        QTRY_VERIFY(svd->svd());
        svd->selectVectorUnits();
        QCOMPARE(doc->selection()->layer(), doc->model()->numLayers() - 1);
        QVERIFY(!doc->selection()->units().isEmpty());
        QCOMPARE(assoc->shownUnit(), doc->selection()->units().front());
        // Stepping in the window moves the analyses with a step axis.
        w.actions().lastStep->trigger();
        QTRY_COMPARE(sorted->shownStep(), doc->run()->steps() - 1);
        QCOMPARE(w.viewDocks()->view(QStringLiteral("pattern-query"))->shownStep(), doc->run()->steps() - 1);
    }

    void everyDockSurvivesModelChangeAndMalformedModel()
    {
        MainWindow w(false);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openModel(modelPath));
        Document *doc = w.document();
        doc->advanceTo(45);
        QTRY_VERIFY(!doc->busy()); // long runs step on a worker
        QCoreApplication::processEvents();
        openEveryViewFloating(w);
        doc->selection()->setLayer(1);
        doc->selection()->setUnits({30, 31});
        // A model with another number of layers and units: the selection must not outlive it.
        QVERIFY(w.openModel(otherModelPath));
        for (InspectorView *v : w.viewDocks()->views())
            QTRY_VERIFY2(attached(v, *doc), qPrintable(v->viewId()));
        auto *query = static_cast<widgets::PatternQueryView *>(w.viewDocks()->view(QStringLiteral("pattern-query")));
        QCOMPARE(query->corpusPanel()->model(), doc->model());
        doc->advanceTo(40);
        QTRY_VERIFY(!doc->busy()); // long runs step on a worker
        doc->selection()->setLayer(2);
        doc->selection()->setUnits({19});
        w.actions().previousStep->trigger();
        QCOMPARE(doc->selection()->step(), 38);
        const auto model = doc->model();
        const auto run = doc->run();
        // A malformed model: an error naming it; every view keeps the current model and run.
        const QString bad = dir.filePath(QStringLiteral("broken.h5"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not HDF5 at all");
        f.close();
        QVERIFY(!w.openModel(bad));
        QMessageBox *box = errorBox(&w);
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("broken.h5")));
        box->close();
        QCOMPARE(doc->model(), model);
        QCOMPARE(doc->run(), run);
        for (InspectorView *v : w.viewDocks()->views())
            QTRY_VERIFY2(attached(v, *doc), qPrintable(v->viewId()));
        // Export all: every view, the analyses included, in three formats.
        QTemporaryDir out;
        QVERIFY(w.viewDocks()->exportAll(out.path()).isEmpty());
        for (InspectorView *v : w.viewDocks()->views())
            for (const char *suffix : {".png", ".svg", ".csv"})
                QVERIFY2(QFileInfo(out.filePath(v->viewId() + QLatin1String(suffix))).size() > 0,
                         qPrintable(v->viewId() + QLatin1String(suffix)));
        w.actions().stepForward->trigger();
        QCOMPARE(doc->run()->steps(), 41);
    }

    void closedViewsAreExportedToo()
    {
        MainWindow w(false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openModel(modelPath));
        w.document()->advanceTo(30);
        QTRY_VERIFY(!w.document()->busy()); // long runs step on a worker
        QCoreApplication::processEvents();
        QTemporaryDir out;
        QVERIFY(w.viewDocks()->exportAll(out.path()).isEmpty());
        // The spectra of a closed view are in its CSV: one row per unit at least.
        QFile csv(out.filePath(QStringLiteral("unit-spectra.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().count('\n') > 32);
        QVERIFY(!attached(w.viewDocks()->view(QStringLiteral("unit-spectra")), *w.document())); // detached again
    }

    void listenControls()
    {
        MainWindow w(false);
        w.show();
        QVERIFY(w.openModel(modelPath));
        w.traceTune(QStringLiteral("M:4/4 K:Cmaj C D E F | G A B c |"));
        QTRY_VERIFY(!w.document()->busy());
        auto *player = w.playerBar()->player();
        QCOMPARE(int(player->tokens().size()), w.document()->run()->steps());
        QVERIFY(!player->performance().notes.empty());
        if (!QMediaDevices::defaultAudioOutput().isNull())
            QSKIP("this machine has an audio output device; the no-device path is not reachable");
        // No device: the bar says so, the Listen menu is off, everything else works.
        const auto *status = w.playerBar()->findChild<QLabel *>(QStringLiteral("player-status"));
        QVERIFY(status->text().contains(QLatin1String("No audio output device")));
        QVERIFY(!w.actions().playPause->isEnabled());
        QVERIFY(!w.actions().playFromStep->isEnabled());
        QVERIFY(w.actions().playPause->statusTip().contains(QLatin1String("No audio output device")));
        w.actions().firstStep->trigger();
        QCOMPARE(w.document()->selection()->step(), 0);
    }
};

QTEST_MAIN(TestMainWindowAnalysis)
#include "test_mainwindow_analysis.moc"

// The annotation strip and the pattern query view follow the shared Selection: the strip draws the
// run's annotation tracks and a click selects a step; the query view asks the step range of the
// Selection, lists what core/analysis/PatternQuery.h returns, selects the units clicked, and runs
// the corpus query in the background with progress and cancel.
#include "common/RandomModel.h"

#include "core/analysis/AnnotationTracks.h"
#include "core/model/TokenText.h"
#include "core/sim/Generator.h"
#include "widgets/annotations/AnnotationTrackView.h"
#include "widgets/query/CorpusQueryPanel.h"
#include "widgets/query/PatternQueryView.h"
#include "widgets/selection/Selection.h"

#include <qcustomplot.h>

#include <QFile>
#include <QPainter>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace folkrnn;
using namespace folkrnn::analysis;
using namespace folkrnn::widgets;

class TestQueryViews : public QObject {
    Q_OBJECT
    std::shared_ptr<const Model> model = std::make_shared<const Model>(testsupport::randomModel(3, 24, 5));
    std::shared_ptr<const Run> run;
    Selection selection;
    QTemporaryDir dir;

private slots:
    void initTestCase()
    {
        GenerationSettings s;
        s.forcedTune = encodeTokens(model->vocabulary,
                                    "M:4/4 K:Cmaj |: C D E F G 2 A B | c 2 B A G > F E D :| "
                                    "z C (3 D E F G 2 A B | c 2 B 2 C 2 z 2 | </s>",
                                    "tune");
        Generator gen(model, s);
        gen.runToEnd();
        run = std::make_shared<const Run>(gen.run());
        QVERIFY(run->steps() > 30);
    }

    void annotationStrip()
    {
        AnnotationTrackView view;
        view.setSelection(&selection);
        view.resize(900, 260);
        view.setRun(run);
        const AnnotationTracks want = annotateRun(*run);
        QCOMPARE(view.tracks().bar, want.bar);
        QCOMPARE(view.tracks().part, want.part);
        QCOMPARE(AnnotationTrackView::rowNames().size(), 8);
        QVERIFY(std::isnan(view.cellValue(0, 0)));  // the meter: outside the body
        QCOMPARE(view.cellValue(3, 6), view.cellValue(4, 6)); // C, D: both pitches
        QVERIFY(view.cellValue(3, 7) < view.cellValue(4, 7)); // C below D

        selection.setStep(7);
        QCOMPARE(view.shownStep(), 7);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.plot()->replot();
        QCustomPlot *p = view.plot();
        const QPoint at(int(std::lround(p->xAxis->coordToPixel(12))), int(std::lround(p->yAxis->coordToPixel(3))));
        QTest::mouseClick(p, Qt::LeftButton, Qt::NoModifier, at);
        QCOMPARE(selection.step(), 12);
        QCOMPARE(view.shownStep(), 12);

        const QString csv = dir.filePath("tracks.csv");
        QVERIFY(view.exportCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), run->steps() + 1);
        QVERIFY(view.exportFile(dir.filePath("tracks.png")));
    }

    void patternQuery()
    {
        PatternQueryView view;
        view.setSelection(&selection);
        view.resize(900, 600);
        view.setRun(run);
        // A step of layer 2 (index 1) and a threshold at which some unit spikes there.
        const auto x = run->signalMatrix(1, Signal::H);
        double threshold = 0.9;
        int at = -1;
        std::vector<UnitPatternScore> want;
        for (; threshold > -0.9 && want.empty(); threshold -= 0.1)
            for (at = 5; at + 2 < run->steps() && want.empty(); ++at)
                want = unitsMatchingPattern(x, at, at, PatternSpec{1, 1, 1, threshold, false});
        QVERIFY(!want.empty());
        threshold = std::round((threshold + 0.1) * 1000.0) / 1000.0; // as the spin box holds it
        --at;
        want = unitsMatchingPattern(x, at, at, PatternSpec{1, 1, 1, threshold, false});
        QVERIFY(!want.empty());
        SelectionState s = selection.state();
        s.layer = 1;
        s.signal = Signal::H;
        s.units = {};
        s.stepRange = {at, at};
        selection.setState(s);
        view.setPattern(threshold, 1, 1);
        int first = 0, last = 0;
        QVERIFY(view.queryRange(first, last));
        QCOMPARE(first, at);
        QCOMPARE(last, at);
        view.findUnits();
        QCOMPARE(view.matches().size(), want.size());
        QCOMPARE(view.matches()[0].unit, want[0].unit);
        QCOMPARE(view.unitTable()->rowCount(), static_cast<int>(want.size()));

        // Selecting a row selects the unit (and the layer it was found in).
        view.unitTable()->selectRow(0);
        QCOMPARE(selection.units(), QList<int>{want[0].unit});
        QCOMPARE(selection.layer(), 1);

        // The inverse finds that step among the places the unit does the same.
        view.findSteps();
        const std::vector<int> unit{want[0].unit};
        const auto places = findPattern(x, unit, view.pattern());
        QCOMPARE(view.occurrences().size(), places.size());
        QVERIFY(std::any_of(places.begin(), places.end(), [&](const PatternOccurrence &o) { return o.first == at; }));
        view.stepTable()->setCurrentCell(0, 0);
        emit view.stepTable()->cellClicked(0, 0);
        QCOMPARE(selection.step(), places[0].first);

        // Over three sampled tunes, in the background.
        view.setModel(model);
        CorpusQueryPanel *panel = view.corpusPanel();
        panel->setSeedRange(1, 3);
        QSignalSpy done(panel, &CorpusQueryPanel::finished);
        QVERIFY(view.runCorpus());
        QVERIFY(panel->running());
        QVERIFY(done.wait(120000));
        QVERIFY(!panel->running());
        QVERIFY(panel->result() != nullptr);
        QCOMPARE(panel->result()->runs, 3);
        QCOMPARE(panel->result()->units.size(), want.size());
        QCOMPARE(panel->table()->rowCount(), static_cast<int>(want.size()) + 1);

        // Cancelled: stops early, keeps what was merged.
        panel->setSeedRange(1, 5000);
        QVERIFY(view.runCorpus());
        panel->cancel();
        QVERIFY(done.wait(120000));
        QVERIFY(panel->result()->cancelled);
        QVERIFY(panel->result()->runs < 5000);

        // A bad corpus file is a message, not a crash.
        panel->setCorpusFile(dir.filePath("missing.txt"));
        QVERIFY(!view.runCorpus());

        const QString csv = dir.filePath("query.csv");
        QVERIFY(view.exportCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("run,,1,2,"));
        QImage image(600, 400, QImage::Format_ARGB32);
        QPainter painter(&image);
        view.render(painter, QRect(0, 0, 600, 400));
        painter.end();
    }
};

QTEST_MAIN(TestQueryViews)
#include "test_query_views.moc"

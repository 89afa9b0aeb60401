// The views follow one Selection: a click in any view moves it and every other view redraws at
// the same step; the heatmaps draw the trace's own numbers; exports write what is drawn.
#include "common/RandomModel.h"

#include "core/abc/TokenCategory.h"
#include "core/model/TokenText.h"
#include "core/sim/Generator.h"
#include "widgets/abc/TuneLayout.h"
#include "widgets/abc/AbcView.h"
#include "widgets/activation/ActivationHeatmapView.h"
#include "widgets/distribution/DistributionView.h"
#include "widgets/heatmap/LogProbHeatmapView.h"
#include "widgets/selection/Selection.h"
#include "widgets/stepstats/StepStatsView.h"
#include "widgets/traces/UnitTracesView.h"

#include <qcustomplot.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtTest>

#include <cmath>

using namespace folkrnn;
using namespace folkrnn::widgets;

class TestViews : public QObject {
    Q_OBJECT
    std::shared_ptr<const Model> model = std::make_shared<const Model>(testsupport::randomModel(3, 24, 11));
    std::shared_ptr<const Run> run;
    QWidget window;
    Selection selection;
    LogProbHeatmapView *heatmap = nullptr;
    AbcView *abc = nullptr;
    DistributionView *distribution = nullptr;
    StepStatsView *stats = nullptr;
    ActivationHeatmapView *activation = nullptr;
    UnitTracesView *traces = nullptr;
    QList<InspectorView *> views;

    void expectAllAt(int step)
    {
        for (InspectorView *v : views)
            QVERIFY2(v->shownStep() == step,
                     qPrintable(QStringLiteral("%1 shows step %2, not %3").arg(v->viewId()).arg(v->shownStep()).arg(step)));
    }

    static QPoint pixelOf(const QCustomPlot *plot, QCPAxis *x, QCPAxis *y, double key, double value)
    {
        Q_UNUSED(plot);
        return QPoint(int(std::lround(x->coordToPixel(key))), int(std::lround(y->coordToPixel(value))));
    }

private slots:
    void initTestCase()
    {
        // A sampled tune long enough to click around in (random weights end some tunes early).
        std::shared_ptr<Generator> gen;
        for (std::uint32_t seed = 1; seed < 200; ++seed) {
            GenerationSettings s;
            s.seed = seed;
            s.maxLength = 60;
            gen = std::make_shared<Generator>(model, s);
            gen->runToEnd();
            if (gen->run().steps() >= 30)
                break;
        }
        QVERIFY(gen->run().steps() >= 30);
        run = std::shared_ptr<const Run>(gen, &gen->run());
        auto *layout = new QVBoxLayout(&window);
        views << (heatmap = new LogProbHeatmapView) << (abc = new AbcView) << (distribution = new DistributionView)
              << (stats = new StepStatsView) << (activation = new ActivationHeatmapView) << (traces = new UnitTracesView);
        for (InspectorView *v : views) {
            layout->addWidget(v);
            v->setSelection(&selection);
            v->setRun(run);
        }
        window.resize(900, 2400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (InspectorView *v : views)
            if (auto *pv = qobject_cast<PlotView *>(v))
                pv->plot()->replot();
    }

    void clickInHeatmapMovesEveryView()
    {
        const int step = 7;
        const int token = model->tokenIndex("G");
        QCustomPlot *p = heatmap->plot();
        QSignalSpy spy(&selection, &Selection::changed);
        QTest::mouseClick(p, Qt::LeftButton, {}, pixelOf(p, p->xAxis, p->yAxis, step, heatmap->tokenOrder().rowOfToken(token)));
        QCOMPARE(selection.step(), step);
        QCOMPARE(selection.token(), token);
        QCOMPARE(spy.count(), 1); // one change event for step and token together, no echo
        expectAllAt(step);
        const QVector<double> shown = distribution->shownProbabilities();
        for (int row = 0; row < shown.size(); ++row)
            QCOMPARE(shown[row], std::exp(run->logProbs(step)[distribution->tokenOrder().tokenAtRow(row)]));
        const TokenSpan span = abc->tuneText().spans[step];
        QCOMPARE(abc->tuneText().text.mid(span.begin, span.end - span.begin),
                 QString::fromStdString(run->tokenText(run->token(step))));
    }

    void clickInActivationsSelectsStepAndUnit()
    {
        const int step = 3, unit = 5;
        QCustomPlot *p = activation->plot();
        QTest::mouseClick(p, Qt::LeftButton, {}, pixelOf(p, p->xAxis, p->yAxis, step, unit));
        QCOMPARE(selection.step(), step);
        QCOMPARE(selection.units(), QList<int>{unit});
        expectAllAt(step);
        QCOMPARE(traces->traceCount(), 1);
        const auto m = run->signalMatrix(selection.layer(), selection.signal());
        for (int t = 0; t < run->steps(); ++t)
            QCOMPARE(traces->trace(0)->data()->at(t)->value, double(m(t, unit)));
        // Ctrl+click adds a unit.
        QTest::mouseClick(p, Qt::LeftButton, Qt::ControlModifier, pixelOf(p, p->xAxis, p->yAxis, step, unit + 2));
        QCOMPARE(selection.units(), (QList<int>{unit, unit + 2}));
        QCOMPARE(traces->traceCount(), 2);
    }

    void clickInTextAndStatsMovesEveryView()
    {
        const int step = 12;
        const TokenSpan span = abc->tuneText().spans[step];
        QTextBrowser *text = abc->textWidget();
        QTextCursor c(text->document());
        c.setPosition((span.begin + span.end) / 2);
        const QRect r = text->cursorRect(c);
        QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, r.center());
        QCOMPARE(selection.step(), step);
        expectAllAt(step);

        QCustomPlot *p = stats->plot();
        QCPAxisRect *lower = p->axisRects().last();
        QTest::mouseClick(p, Qt::LeftButton, {},
                          pixelOf(p, lower->axis(QCPAxis::atBottom), lower->axis(QCPAxis::atLeft), 20,
                                  lower->axis(QCPAxis::atLeft)->range().center()));
        QCOMPARE(selection.step(), 20);
        expectAllAt(20);
    }

    void settingTheSameValueEmitsNothing()
    {
        QSignalSpy spy(&selection, &Selection::changed);
        selection.setStep(selection.step());
        selection.setState(selection.state());
        QCOMPARE(spy.count(), 0);
    }

    void heatmapCellsAreTheTraceValues()
    {
        // Row order from core, independently of the view's own bookkeeping.
        const std::vector<int> order = displayOrder(model->vocabulary);
        QCPColorMapData *data = heatmap->colorMap()->data();
        QCOMPARE(data->keySize(), run->steps());
        QCOMPARE(data->valueSize(), int(order.size()));
        for (int t = 0; t < run->steps(); ++t)
            for (std::size_t row = 0; row < order.size(); ++row) {
                const double expected = std::max(-10.0, run->logProbs(t)[order[row]] / std::log(10.0));
                QCOMPARE(data->cell(t, int(row)), expected);
            }
        for (int layer = 0; layer < 3; ++layer)
            for (Signal sig : {Signal::H, Signal::C, Signal::F}) {
                selection.setLayer(layer);
                selection.setSignal(sig);
                const auto m = run->signalMatrix(layer, sig);
                QCPColorMapData *a = activation->colorMap()->data();
                QCOMPARE(a->keySize(), run->steps());
                QCOMPARE(a->valueSize(), run->hiddenSize());
                for (int t = 0; t < run->steps(); ++t)
                    for (int u = 0; u < run->hiddenSize(); ++u)
                        QCOMPARE(a->cell(t, u), double(m(t, u)));
                QCOMPARE(activation->colorLimit(), double(m.cwiseAbs().maxCoeff()));
            }
    }

    void floorIsConfigurable()
    {
        heatmap->setFloor(-2.0);
        QCPColorMapData *data = heatmap->colorMap()->data();
        for (int t = 0; t < run->steps(); ++t)
            for (int row = 0; row < data->valueSize(); ++row)
                QVERIFY(data->cell(t, row) >= -2.0);
        heatmap->setFloor(-10.0);
    }

    void stepRangeIsShared()
    {
        selection.setStepRange({5, 15});
        for (InspectorView *v : views)
            if (auto *pv = qobject_cast<PlotView *>(v); pv && v != distribution) {
                const QCPRange r = pv->plot()->axisRects().last()->axis(QCPAxis::atBottom)->range();
                QCOMPARE(r.lower, 4.5);
                QCOMPARE(r.upper, 15.5);
            }
        selection.setStepRange({});
    }

    void exportsWriteFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (InspectorView *v : views)
            for (const char *suffix : {".png", ".svg", ".pdf", ".csv"}) {
                const QString path = dir.filePath(v->viewId() + QLatin1String(suffix));
                QVERIFY2(v->exportFile(path, QSize(640, 400)), qPrintable(path));
                QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
            }
        QFile csv(dir.filePath(QStringLiteral("logprob-heatmap.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), run->steps() + 1);
        QImage png(dir.filePath(QStringLiteral("logprob-heatmap.png")));
        QCOMPARE(png.size(), QSize(640, 400));
    }

    void chosenTokenDotsAreVectorsInFigures()
    {
        // On screen the dots are one bitmap each (cheap to repaint with every step); a figure
        // must not carry hundreds of little images: an SVG gets a circle per step (and only the colour map as an image).
        const QCPGraph *dots = heatmap->plot()->graph(0);
        QCOMPARE(dots->scatterStyle().shape(), QCPScatterStyle::ssPixmap);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("heatmap.svg"));
        selection.setStepRange({});
        QVERIFY(heatmap->exportFile(path, QSize(1200, 500)));
        QFile svg(path);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QCOMPARE(int(text.count("<circle")), run->steps());
        QVERIFY(text.count("<image") <= 2); // the map, and its colour scale
        QCOMPARE(dots->scatterStyle().shape(), QCPScatterStyle::ssPixmap);
    }

    void curvesAreThinOnScreenAndAsDesignedInFigures()
    {
        // A wide pen costs Qt a polygon per segment on every repaint: on screen curves are one
        // pixel wide, a figure draws them as the view chose (1.5 for entropy and surprise).
        stats->plot()->replot();
        QList<QCPGraph *> curves;
        for (int i = 0; i < stats->plot()->graphCount(); ++i)
            if (stats->plot()->graph(i)->lineStyle() != QCPGraph::lsNone && stats->plot()->graph(i)->dataCount() > 10)
                curves << stats->plot()->graph(i);
        QVERIFY(curves.size() >= 2);
        for (QCPGraph *g : curves)
            QCOMPARE(g->pen().widthF(), 1.0);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("stats.svg"));
        QVERIFY(stats->exportFile(path, QSize(1200, 500)));
        QFile svg(path);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QVERIFY2(text.count("stroke-width=\"1.5\"") >= 2, text.left(2000).constData());
        for (QCPGraph *g : curves)
            QCOMPARE(g->pen().widthF(), 1.0);
    }

    void statsAxisLabelsFitTheirRects()
    {
        // Each rect's rotated label is as long as the rect is tall at most: the full label where
        // there is room, else the short one (the full ones ran into each other at 1400x900).
        StepStatsView view;
        view.setSelection(&selection);
        view.setRun(run);
        const auto labels = [&] {
            QStringList out;
            for (QCPAxisRect *r : view.plot()->axisRects())
                out << r->axis(QCPAxis::atLeft)->label();
            return out;
        };
        view.resize(600, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.plot()->replot();
        QCOMPARE(labels(), (QStringList{QStringLiteral("entropy (bits)"), QStringLiteral("log₁₀ p(taken)")}));
        view.resize(600, 170);
        QCoreApplication::processEvents();
        view.plot()->replot();
        QCOMPARE(labels(), (QStringList{QStringLiteral("H (bits)"), QStringLiteral("log₁₀ p")}));
        for (QCPAxisRect *r : view.plot()->axisRects()) {
            QCPAxis *axis = r->axis(QCPAxis::atLeft);
            QVERIFY(QFontMetrics(axis->labelFont()).horizontalAdvance(axis->label()) <= r->height());
        }
        // A figure is labelled for its own size, whatever the screen's.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("stats.svg"));
        QVERIFY(view.exportFile(path, QSize(1200, 900)));
        QFile svg(path);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(svg.readAll());
        QVERIFY2(text.contains(QStringLiteral("entropy (bits)")), "the full label in a tall figure");
    }

    void staffAbcBeamsByBeatAndJoinsDurations()
    {
        GenerationSettings s;
        s.forcedTune = encodeTokens(model->vocabulary, "M:4/4 K:Cmaj |: G C C 2 G C E C | (3 C D E F 2 > G A :| </s>", "tune");
        auto gen = std::make_shared<Generator>(model, s);
        gen->runToEnd();
        QCOMPARE(staffAbc(gen->run()),
                 QStringLiteral("%%continueall 1\nX:1\nL:1/8\nM:4/4\nK:Cmaj\n|: GC C2 GC EC | (3CDE F2>GA :|\n"));
        const TuneText text = sampleRnnText(gen->run());
        QCOMPARE(text.text, QStringLiteral("M:4/4\nK:Cmaj\n|: G C C 2 G C E C | (3 C D E F 2 > G A :|"));
        QCOMPARE(text.stepAt(text.text.indexOf(QLatin1String("E C"))), 9);
    }

    void viewsWorkWithoutASharedSelection()
    {
        LogProbHeatmapView alone;
        alone.setRun(run);
        alone.selection()->setStep(4);
        QCOMPARE(alone.shownStep(), 4);
        alone.setRun(nullptr);
        QCOMPARE(alone.shownStep(), -1);
    }
};

QTEST_MAIN(TestViews)
#include "test_views.moc"

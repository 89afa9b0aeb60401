// A view told that the run kept its first steps (InspectorView::setRun's unchangedSteps, what the
// Document passes on Step Forward, Step Back and interventions) redoes only the later steps: what
// it then shows must be exactly what a view drawing the same run from scratch shows.
#include "common/RandomModel.h"

#include "core/sim/Generator.h"
#include "widgets/activation/ActivationHeatmapView.h"
#include "widgets/annotations/AnnotationTrackView.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/heatmap/LogProbHeatmapView.h"
#include "widgets/selection/Selection.h"
#include "widgets/stepstats/StepStatsView.h"
#include "widgets/traces/UnitTracesView.h"

#include <qcustomplot.h>

#include <QtTest>

#include <functional>

using namespace folkrnn;
using namespace folkrnn::widgets;

namespace {

using ViewFactory = std::function<PlotView *()>;

// Everything a plot view draws from the run: curves, colour-map cells, axis ranges, step labels.
QString plotDifference(QCustomPlot *a, QCustomPlot *b)
{
    if (a->plottableCount() != b->plottableCount())
        return QStringLiteral("plottables %1 vs %2").arg(a->plottableCount()).arg(b->plottableCount());
    for (int k = 0; k < a->plottableCount(); ++k) {
        auto *ga = qobject_cast<QCPGraph *>(a->plottable(k));
        auto *gb = qobject_cast<QCPGraph *>(b->plottable(k));
        if (ga && gb) {
            if (ga->dataCount() != gb->dataCount())
                return QStringLiteral("graph %1: %2 vs %3 points").arg(k).arg(ga->dataCount()).arg(gb->dataCount());
            for (int i = 0; i < ga->dataCount(); ++i) {
                const QCPGraphData &da = *ga->data()->at(i), &db = *gb->data()->at(i);
                if (da.key != db.key || !(da.value == db.value || (std::isnan(da.value) && std::isnan(db.value))))
                    return QStringLiteral("graph %1 point %2: (%3, %4) vs (%5, %6)")
                        .arg(k).arg(i).arg(da.key).arg(da.value).arg(db.key).arg(db.value);
            }
            if (ga->name() != gb->name())
                return QStringLiteral("graph %1 named %2 vs %3").arg(k).arg(ga->name(), gb->name());
        }
        auto *ma = qobject_cast<QCPColorMap *>(a->plottable(k));
        auto *mb = qobject_cast<QCPColorMap *>(b->plottable(k));
        if (ma && mb) {
            QCPColorMapData *da = ma->data(), *db = mb->data();
            if (da->keySize() != db->keySize() || da->valueSize() != db->valueSize())
                return QStringLiteral("map %1: %2x%3 vs %4x%5 cells")
                    .arg(k).arg(da->keySize()).arg(da->valueSize()).arg(db->keySize()).arg(db->valueSize());
            if (da->keyRange() != db->keyRange() || da->valueRange() != db->valueRange())
                return QStringLiteral("map %1: other ranges").arg(k);
            if (ma->dataRange() != mb->dataRange())
                return QStringLiteral("map %1: colour range %2..%3 vs %4..%5")
                    .arg(k).arg(ma->dataRange().lower).arg(ma->dataRange().upper)
                    .arg(mb->dataRange().lower).arg(mb->dataRange().upper);
            for (int key = 0; key < da->keySize(); ++key)
                for (int value = 0; value < da->valueSize(); ++value)
                    if (da->cell(key, value) != db->cell(key, value) &&
                        !(std::isnan(da->cell(key, value)) && std::isnan(db->cell(key, value))))
                        return QStringLiteral("map %1 cell (%2, %3): %4 vs %5")
                            .arg(k).arg(key).arg(value).arg(da->cell(key, value)).arg(db->cell(key, value));
        }
    }
    // Text items (the annotation strip's bar numbers, which it keeps and moves as the run grows).
    const auto texts = [](QCustomPlot *p) {
        QStringList out;
        for (int k = 0; k < p->itemCount(); ++k)
            if (auto *t = qobject_cast<QCPItemText *>(p->item(k)))
                out << QStringLiteral("%1@%2,%3%4")
                           .arg(t->text())
                           .arg(t->position->coords().x())
                           .arg(t->position->coords().y())
                           .arg(t->visible() ? QString() : QStringLiteral(" hidden"));
        return out;
    };
    if (texts(a) != texts(b))
        return QStringLiteral("texts %1 vs %2").arg(texts(a).join(u' '), texts(b).join(u' '));
    const QList<QCPAxis *> axesA = a->axisRects().isEmpty() ? QList<QCPAxis *>{} : [&] {
        QList<QCPAxis *> all;
        for (QCPAxisRect *r : a->axisRects())
            all += r->axes();
        return all;
    }();
    QList<QCPAxis *> axesB;
    for (QCPAxisRect *r : b->axisRects())
        axesB += r->axes();
    if (axesA.size() != axesB.size())
        return QStringLiteral("axis count");
    for (int k = 0; k < axesA.size(); ++k) {
        if (axesA[k]->range() != axesB[k]->range())
            return QStringLiteral("axis %1: range %2..%3 vs %4..%5")
                .arg(k).arg(axesA[k]->range().lower).arg(axesA[k]->range().upper)
                .arg(axesB[k]->range().lower).arg(axesB[k]->range().upper);
        if (axesA[k]->label() != axesB[k]->label())
            return QStringLiteral("axis %1 label").arg(k);
        auto *ta = dynamic_cast<StrideLabelTicker *>(axesA[k]->ticker().data());
        auto *tb = dynamic_cast<StrideLabelTicker *>(axesB[k]->ticker().data());
        if (ta && tb && ta->labels() != tb->labels())
            return QStringLiteral("axis %1: step labels %2 vs %3")
                .arg(k).arg(ta->labels().join(u' '), tb->labels().join(u' '));
    }
    return {};
}

// The run of `gen` as the Document hands it out: the generator's own record, changed in place.
std::shared_ptr<const Run> liveRun(const std::shared_ptr<Generator> &gen)
{
    return std::shared_ptr<const Run>(gen, &gen->run());
}

// A copy of `base`'s first `keep` steps followed by `other`'s later steps (as an intervention
// from step `keep` on would leave it).
std::shared_ptr<const Run> splice(const Run &base, int keep, const Run &other)
{
    Run out = base;
    out.truncate(keep);
    for (int t = keep; t < other.steps(); ++t) {
        out.appendStep({other.input(t), other.token(t), other.forced(t)}, other.logits(t).cast<double>(),
                       other.logProbs(t).cast<double>());
        for (int l = 0; l < other.numLayers(); ++l)
            for (Signal s : kSignals)
                out.setSignal(l, s, other.signal(t, l, s).cast<double>());
    }
    return std::make_shared<const Run>(std::move(out));
}

} // namespace

class TestViewGrowth : public QObject {
    Q_OBJECT
    std::shared_ptr<const Model> model = std::make_shared<const Model>(testsupport::randomModel(2, 16, 5));

    // A traced tune of 30 tokens (a sampled one may end after a few steps).
    std::shared_ptr<Generator> generator(std::uint32_t seed) const
    {
        GenerationSettings s;
        s.seed = seed;
        for (int k = 0; k < 30; ++k)
            s.forcedTune.push_back(2 + int((seed * 7 + k * 5) % (model->vocabSize() - 2))); // no <s>, </s>
        s.maxLength = 30;
        return std::make_shared<Generator>(model, s);
    }

    // `grown` after `how` changed its run, against `fresh` drawing `reference` from scratch.
    static void expectSame(PlotView *grown, PlotView *fresh, const std::shared_ptr<const Run> &reference,
                           const char *how)
    {
        fresh->setRun(reference);
        const QString diff = plotDifference(grown->plot(), fresh->plot());
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("%1 after %2 (%3 steps): %4")
                                                .arg(grown->viewId(), QLatin1String(how))
                                                .arg(reference->steps())
                                                .arg(diff)));
    }

private slots:
    void grownViewEqualsRebuiltView_data()
    {
        QTest::addColumn<ViewFactory>("make");
        QTest::newRow("logprob-heatmap") << ViewFactory([] { return new LogProbHeatmapView; });
        QTest::newRow("activation-heatmap") << ViewFactory([] { return new ActivationHeatmapView; });
        QTest::newRow("step-statistics") << ViewFactory([] { return new StepStatsView; });
        QTest::newRow("unit-traces") << ViewFactory([] { return new UnitTracesView; });
        QTest::newRow("annotation-tracks") << ViewFactory([] { return new AnnotationTrackView; });
    }

    void grownViewEqualsRebuiltView()
    {
        QFETCH(ViewFactory, make);
        Selection selection;
        selection.setLayer(1);
        selection.setUnits({2, 7, 11});
        std::unique_ptr<PlotView> grown(make()), fresh(make());
        for (PlotView *v : {grown.get(), fresh.get()}) {
            v->setSelection(&selection);
            v->resize(700, 400);
        }
        auto gen = generator(3);
        const auto live = liveRun(gen);
        grown->setRun(live);
        // Step Forward, one step at a time, the run extended in place (firstStep = old length).
        int checked = 0;
        while (!gen->finished() && gen->run().steps() < 40) {
            const int before = gen->run().steps();
            gen->stepForward();
            grown->setRun(live, before);
            if (gen->run().steps() % 5 == 1 || gen->finished()) {
                expectSame(grown.get(), fresh.get(), std::make_shared<const Run>(gen->run()), "step forward");
                ++checked;
            }
        }
        QVERIFY(checked >= 2);
        QVERIFY2(gen->run().steps() >= 12, "the random tune ended too early to test growth");
        // Step Back twice (firstStep = the new length).
        for (int k = 0; k < 2; ++k) {
            gen->stepBack();
            grown->setRun(live, gen->run().steps());
        }
        expectSame(grown.get(), fresh.get(), std::make_shared<const Run>(gen->run()), "step back");
        // Another copy of the run with the steps from 6 on redone differently (an intervention).
        auto other = generator(8);
        other->runToEnd();
        const auto spliced = splice(gen->run(), 6, other->run());
        grown->setRun(spliced, 6);
        expectSame(grown.get(), fresh.get(), spliced, "a change from step 6 on");
        // A promise beyond what the view drew or the run holds keeps only the steps both have.
        const auto full = std::make_shared<const Run>(gen->run());
        Run cut = gen->run();
        cut.truncate(cut.steps() - 3);
        const auto shorter = std::make_shared<const Run>(std::move(cut));
        grown->setRun(full, 0);
        grown->setRun(shorter, 1000);
        expectSame(grown.get(), fresh.get(), shorter, "a shorter run, all kept");
        grown->setRun(full, 1000);
        expectSame(grown.get(), fresh.get(), full, "a longer run, all kept");
        // The selection changes and growth then continues from the redrawn picture.
        selection.setLayer(0);
        selection.setUnits({1});
        const int before = gen->run().steps();
        grown->setRun(live, 0);
        gen->stepForward();
        grown->setRun(live, before);
        expectSame(grown.get(), fresh.get(), std::make_shared<const Run>(gen->run()), "a layer change and a step");
        grown->setRun(nullptr, 5);
        grown->setRun(live, 5);
        expectSame(grown.get(), fresh.get(), std::make_shared<const Run>(gen->run()), "no run in between");
    }
};

QTEST_MAIN(TestViewGrowth)
#include "test_view_growth.moc"

#include "widgets/analysis/common/AnalysisPlot.h"

#include "core/analysis/WeightAnalysisCache.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/TokenOrder.h"
#include "widgets/selection/Selection.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace folkrnn::widgets {

WeightPlotView::WeightPlotView(QWidget *parent) : PlotView(parent) {}

void WeightPlotView::setWeightAnalyses(std::shared_ptr<folkrnn::analysis::WeightAnalysisCache> cache)
{
    cache_ = std::move(cache);
    ++generation_; // results still being computed for the previous cache are dropped
    weightsChanged();
}

const folkrnn::Model *WeightPlotView::model() const { return cache_ ? cache_->model().get() : nullptr; }

void WeightPlotView::computeInBackground(std::function<void()> compute, std::function<void()> done)
{
    QPointer<WeightPlotView> self(this);
    const int generation = generation_;
    ++pending_;
    // The global pool is waited for when the application object is destroyed, so the queued
    // call below never outlives qApp.
    QThreadPool::globalInstance()->start([self, generation, keep = cache_, compute = std::move(compute),
                                          done = std::move(done)] {
        compute();
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, done] {
                if (!self)
                    return;
                --self->pending_;
                if (self->generation_ == generation)
                    done();
            },
            Qt::QueuedConnection);
    });
}

QCPAxisRect *addRectBelow(QCustomPlot *plot, int row)
{
    auto *rect = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(row, 0, rect);
    QCPMarginGroup *group = plot->axisRect(0)->marginGroup(QCP::msLeft);
    if (!group) {
        group = new QCPMarginGroup(plot);
        plot->axisRect(0)->setMarginGroup(QCP::MarginSides(QCP::msLeft) | QCP::msRight, group);
    }
    rect->setMarginGroup(QCP::MarginSides(QCP::msLeft) | QCP::msRight, group);
    return rect;
}

QCPItemStraightLine *addVerticalLine(QCustomPlot *plot, QCPAxisRect *rect, QCPLayer *layer)
{
    auto *line = new QCPItemStraightLine(plot);
    line->setClipAxisRect(rect);
    line->point1->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    line->point2->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    line->setLayer(layer);
    line->setSelectable(false);
    line->setVisible(false);
    return line;
}

void placeVerticalLine(QCPItemStraightLine *line, double x, bool visible)
{
    line->setVisible(visible);
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
}

QSharedPointer<StrideLabelTicker> installTokenAxis(QCPAxis *axis, const TokenOrder &order)
{
    QSharedPointer<StrideLabelTicker> ticker(new StrideLabelTicker(axis));
    ticker->setLabels(order.rowLabels());
    axis->setTicker(ticker);
    axis->setTickLabelRotation(-90);
    axis->setSubTicks(false);
    axis->grid()->setVisible(false);
    axis->setRange(-0.5, std::max(order.size(), 1) - 0.5);
    return ticker;
}

QList<int> clickedUnits(const Selection *selection, int unit, Qt::KeyboardModifiers modifiers)
{
    if (!(modifiers & Qt::ControlModifier))
        return {unit};
    QList<int> units = selection->units();
    if (units.contains(unit))
        units.removeAll(unit);
    else
        units << unit;
    return units;
}

QString unitListText(const QList<int> &units, int max)
{
    QStringList s;
    for (int k = 0; k < units.size() && k < max; ++k)
        s << QString::number(units[k]);
    if (units.size() > max)
        s << QStringLiteral("…");
    return s.join(QStringLiteral(", "));
}

} // namespace folkrnn::widgets

#include "widgets/analysis/maxmagnitude/MaxMagnitudeView.h"

#include "core/sim/Run.h"
#include "widgets/analysis/common/AnalysisPlot.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LayerSignalBar.h"
#include "widgets/common/PlotStyle.h"

#include <qcustomplot.h>

#include <cmath>

namespace folkrnn::widgets {

MaxMagnitudeView::MaxMagnitudeView(QWidget *parent) : PlotView(parent), bar_(new LayerSignalBar(this))
{
    addToolRow(bar_);
    connect(bar_, &LayerSignalBar::layerChosen, this, [this](int layer) { selection()->setLayer(layer); });
    connect(bar_, &LayerSignalBar::signalChosen, this, [this](folkrnn::Signal s) { selection()->setSignal(s); });
    QCustomPlot *p = plot();
    p->xAxis->setLabel(tr("units, sorted by their maximum magnitude"));
    p->yAxis->setLabel(tr("max over the run of |x|"));
    curve_ = p->addGraph();
    selected_ = p->addGraph();
    selected_->setLineStyle(QCPGraph::lsNone);
    selected_->setLayer(cursorLayer());
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("The largest magnitude each unit reaches over the run, units sorted from smallest to "
                     "largest: units that stay off sit at the left, saturating units at the right. Click to "
                     "select a unit; Ctrl+click adds or removes one."));
    runChanged();
}

QString MaxMagnitudeView::title() const { return tr("Maximum magnitude per unit"); }

void MaxMagnitudeView::paletteUpdated()
{
    const QPalette pal = palette();
    curve_->setPen(QPen(pal.color(QPalette::Highlight), 1.5));
    curve_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3));
    selected_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(markerColor(), 2), Qt::NoBrush, 9));
}

bool MaxMagnitudeView::hasSignal() const
{
    const Run *r = run();
    return r && r->hasSignals() && r->steps() > 0 && selection()->layer() < r->numLayers();
}

void MaxMagnitudeView::recompute()
{
    const Run *r = run();
    bar_->setLayerCount(r ? r->numLayers() : 1);
    bar_->showChoice(selection()->layer(), selection()->signal());
    if (!hasSignal()) {
        max_ = {};
        rankOf_.clear();
        curve_->data()->clear();
        bar_->setNote({});
        return;
    }
    max_ = folkrnn::analysis::sortedMaxMagnitude(r->signalMatrix(selection()->layer(), selection()->signal()));
    const int H = int(max_.order.size());
    rankOf_.assign(std::size_t(H), 0);
    QVector<double> keys(H), values(H);
    double top = 0;
    for (int k = 0; k < H; ++k) {
        keys[k] = k;
        values[k] = max_.perUnit[max_.order[std::size_t(k)]];
        rankOf_[std::size_t(max_.order[std::size_t(k)])] = k;
        top = std::max(top, values[k]);
    }
    curve_->setData(keys, values, true);
    plot()->xAxis->setRange(-0.5, H - 0.5);
    plot()->yAxis->setRange(0, std::max(1.0, top) * 1.05);
    const auto toList = [](const std::vector<int> &v) { return QList<int>(v.begin(), v.end()); };
    const QList<int> off = toList(folkrnn::analysis::unitsAtMost(max_, kOff));
    const QList<int> sat = toList(folkrnn::analysis::unitsAtLeast(max_, kSaturated));
    bar_->setNote(tr("off (≤ %1): %2   saturating (≥ %3): %4")
                      .arg(double(kOff))
                      .arg(off.isEmpty() ? tr("none") : unitListText(off, 8))
                      .arg(double(kSaturated))
                      .arg(sat.isEmpty() ? tr("none") : unitListText(sat, 8)));
}

void MaxMagnitudeView::markSelected()
{
    QVector<double> keys, values;
    for (int u : selection()->units())
        if (u >= 0 && std::size_t(u) < rankOf_.size()) {
            keys << rankOf_[std::size_t(u)];
            values << max_.perUnit[u];
        }
    selected_->setData(keys, values);
}

void MaxMagnitudeView::runChanged()
{
    recompute();
    markSelected();
    replotAll();
}

void MaxMagnitudeView::selectionChanged(SelectionChange what)
{
    if (what & (SelectionField::Layer | SelectionField::Signal)) {
        recompute();
        markSelected();
        replotAll();
    } else if (what & SelectionField::Units) {
        markSelected();
        replotCursor();
    }
}

void MaxMagnitudeView::clicked(QPoint pos, Qt::KeyboardModifiers modifiers)
{
    if (!hasSignal() || !plot()->axisRect()->rect().contains(pos))
        return;
    const int rank = int(std::lround(plot()->xAxis->pixelToCoord(pos.x())));
    if (rank < 0 || std::size_t(rank) >= max_.order.size())
        return;
    selection()->setUnits(clickedUnits(selection(), max_.order[std::size_t(rank)], modifiers));
}

bool MaxMagnitudeView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    csv.row({QStringLiteral("rank"), QStringLiteral("unit"), QStringLiteral("max_abs")});
    for (std::size_t k = 0; k < max_.order.size(); ++k)
        csv.row({QString::number(k), QString::number(max_.order[k]), csvNumber(max_.perUnit[max_.order[k]])});
    return csv.finish();
}

} // namespace folkrnn::widgets

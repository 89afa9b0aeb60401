#include "widgets/activation/ActivationHeatmapView.h"

#include "core/sim/Run.h"
#include "widgets/colormap/ColorMaps.h"
#include "widgets/colormap/StepColorMap.h"
#include "widgets/colormap/StepColorMapData.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/LayerSignalBar.h"
#include "widgets/common/PlotStyle.h"

#include <qcustomplot.h>

#include <cmath>

namespace folkrnn::widgets {

ActivationHeatmapView::ActivationHeatmapView(QWidget *parent) : PlotView(parent), bar_(new LayerSignalBar(this))
{
    addToolRow(bar_);
    connect(bar_, &LayerSignalBar::layerChosen, this, [this](int layer) { selection()->setLayer(layer); });
    connect(bar_, &LayerSignalBar::signalChosen, this, [this](folkrnn::Signal s) { selection()->setSignal(s); });

    QCustomPlot *p = plot();
    p->yAxis->setLabel(tr("unit"));
    p->yAxis->grid()->setVisible(false);
    stepTicker_ = installStepTokenAxis(p->xAxis);
    map_ = new StepColorMap(p->xAxis, p->yAxis);
    map_->setTightBoundary(false);
    scale_ = new QCPColorScale(p);
    scale_->setType(QCPAxis::atRight);
    scale_->setBarWidth(10);
    p->plotLayout()->addElement(0, 1, scale_);
    map_->setColorScale(scale_);
    scale_->setGradient(blueWhiteRedGradient());
    auto *group = new QCPMarginGroup(p);
    p->axisRect()->setMarginGroup(QCP::MarginSides(QCP::msTop) | QCP::msBottom, group);
    scale_->setMarginGroup(QCP::MarginSides(QCP::msTop) | QCP::msBottom, group);

    stepCursor_ = new QCPItemRect(p);
    stepCursor_->setLayer(cursorLayer());
    stepCursor_->setBrush(Qt::NoBrush);
    stepCursor_->setSelectable(false);
    linkStepAxis(p->axisRect());
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("Activations of the chosen layer and signal: units (rows) by steps (columns), blue "
                     "negative, red positive. Click to select a step and a unit; Ctrl+click adds or removes "
                     "a unit."));
    runChanged();
}

QString ActivationHeatmapView::title() const { return tr("Activations"); }

void ActivationHeatmapView::paletteUpdated()
{
    // Near-white is the map's zero: the cursor must be dark even on dark palettes.
    stepCursor_->setPen(QPen(QColor(20, 20, 20), 1.5));
    for (QCPItemLine *m : unitMarks_)
        m->setPen(QPen(markerColor(), 3.0));
    plot()->xAxis->setTickLabelFont(tickFont(font()));
    plot()->yAxis->setTickLabelFont(tickFont(font()));
}

bool ActivationHeatmapView::hasSignal() const
{
    const Run *r = run();
    return r && r->hasSignals() && r->steps() > 0 && selection()->layer() >= 0 && selection()->layer() < r->numLayers();
}

void ActivationHeatmapView::fillMap(int from)
{
    const Run *r = run();
    bar_->setLayerCount(r ? r->numLayers() : 1);
    bar_->showChoice(selection()->layer(), selection()->signal());
    StepColorMapData *data = map_->stepData();
    if (!hasSignal()) {
        data->clear();
        peakSteps_ = 0;
        return;
    }
    const auto m = r->signalMatrix(selection()->layer(), selection()->signal()); // [T, H]
    const int T = static_cast<int>(m.rows()), H = static_cast<int>(m.cols());
    // The columns of the steps the run kept stay (same layer and signal: a change of either
    // refills from step 0): a step more fills one column.
    from = std::clamp(from, 0, std::min(T, data->valueSize() == H ? data->keySize() : 0));
    data->resizeKeepingColumns(T, H);
    data->setRange(QCPRange(0, T - 1), QCPRange(0, H - 1));
    if (T == 1)
        data->setKeyRange(QCPRange(-0.5, 0.5));
    data->fillColumns(from, [&m](int t, int u) { return double(m(t, u)); });
    // The colour range spans the largest |value| of the run: with every drawn step kept, only the
    // new steps can raise it (a 500-step layer is 256k values to scan again otherwise).
    float peak = 0.0f;
    if (from > 0 && from == peakSteps_)
        peak = from < T ? std::max(peak_, m.middleRows(from, T - from).cwiseAbs().maxCoeff()) : peak_;
    else
        peak = m.cwiseAbs().maxCoeff();
    peak_ = peak;
    peakSteps_ = T;
    limit_ = peak > 0.0f ? double(peak) : 1.0;
    scale_->setDataRange(QCPRange(-limit_, limit_));
    scale_->axis()->setLabel(tr("%1, layer %2").arg(QString::fromLatin1(signalName(selection()->signal())))
                                 .arg(selection()->layer() + 1));
    plot()->yAxis->setRange(-0.5, H - 0.5);
}

void ActivationHeatmapView::runChanged()
{
    updateStepTokenLabels(*stepTicker_, run(), keptSteps());
    fillMap(keptSteps());
    applyStepRange();
    placeCursor();
    replotAll();
}

void ActivationHeatmapView::placeCursor()
{
    const Run *r = run();
    const int step = selection()->step();
    const bool on = hasSignal() && step >= 0 && step < r->steps();
    stepCursor_->setVisible(on);
    const int H = r ? r->hiddenSize() : 0;
    stepCursor_->topLeft->setCoords(step - 0.5, H - 0.5);
    stepCursor_->bottomRight->setCoords(step + 0.5, -0.5);
    // Each selected unit is marked by a tick inside the left and the right edge, leaving its row
    // of cells visible.
    const QList<int> &units = selection()->units();
    while (unitMarks_.size() > 2 * units.size())
        plot()->removeItem(unitMarks_.takeLast());
    while (unitMarks_.size() < 2 * units.size()) {
        auto *mark = new QCPItemLine(plot());
        mark->setLayer(cursorLayer());
        mark->setPen(QPen(markerColor(), 3.0));
        mark->setSelectable(false);
        for (QCPItemPosition *p : {mark->start, mark->end}) {
            p->setTypeX(QCPItemPosition::ptAxisRectRatio);
            p->setTypeY(QCPItemPosition::ptPlotCoords);
        }
        unitMarks_ << mark;
    }
    for (int k = 0; k < units.size(); ++k) {
        for (int side = 0; side < 2; ++side) {
            QCPItemLine *mark = unitMarks_[2 * k + side];
            mark->setVisible(hasSignal() && units[k] < H);
            mark->start->setCoords(side == 0 ? 0.0 : 1.0, units[k]);
            mark->end->setCoords(side == 0 ? 0.025 : 0.975, units[k]);
        }
    }
    bar_->setNote(units.isEmpty() ? tr("click a cell to select a unit")
                                  : tr("units: %1").arg([&] {
                                        QStringList s;
                                        for (int u : units)
                                            s << QString::number(u);
                                        return s.join(QStringLiteral(", "));
                                    }()));
}

void ActivationHeatmapView::selectionChanged(SelectionChange what)
{
    if (what & (SelectionField::Layer | SelectionField::Signal)) {
        fillMap();
        placeCursor();
        replotAll();
    } else if (what & SelectionField::StepRange) {
        applyStepRange();
        placeCursor();
        replotAll();
    } else if (what & (SelectionField::Step | SelectionField::Units)) {
        placeCursor();
        replotCursor();
    }
}

void ActivationHeatmapView::clicked(QPoint pos, Qt::KeyboardModifiers modifiers)
{
    const Run *r = run();
    if (!hasSignal() || !plot()->axisRect()->rect().contains(pos))
        return;
    const int step = int(std::lround(plot()->xAxis->pixelToCoord(pos.x())));
    const int unit = int(std::lround(plot()->yAxis->pixelToCoord(pos.y())));
    if (step < 0 || step >= r->steps() || unit < 0 || unit >= r->hiddenSize())
        return;
    QList<int> units{unit};
    if (modifiers & Qt::ControlModifier) {
        units = selection()->units();
        if (units.contains(unit))
            units.removeAll(unit);
        else
            units << unit;
    }
    selection()->setStepAndUnits(step, units);
}

int ActivationHeatmapView::shownStep() const
{
    if (!stepCursor_->visible())
        return -1;
    return int(std::lround(0.5 * (stepCursor_->topLeft->coords().x() + stepCursor_->bottomRight->coords().x())));
}

bool ActivationHeatmapView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    const Run *r = run();
    if (!hasSignal()) {
        csv.row({QStringLiteral("step"), QStringLiteral("token")});
        return csv.finish();
    }
    const auto m = r->signalMatrix(selection()->layer(), selection()->signal());
    QStringList header{QStringLiteral("step"), QStringLiteral("token")};
    for (int u = 0; u < m.cols(); ++u)
        header << QStringLiteral("%1%2_unit%3").arg(QString::fromLatin1(signalName(selection()->signal())))
                      .arg(selection()->layer() + 1)
                      .arg(u);
    csv.row(header);
    for (int t = 0; t < m.rows(); ++t) {
        QStringList row{QString::number(t), QString::fromStdString(r->tokenText(r->token(t)))};
        for (int u = 0; u < m.cols(); ++u)
            row << csvNumber(m(t, u));
        csv.row(row);
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

#include "widgets/analysis/sorted/SortedActivationsView.h"

#include "core/sim/Run.h"
#include "widgets/analysis/common/AnalysisPlot.h"
#include "widgets/colormap/ColorMaps.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/LayerSignalBar.h"
#include "widgets/common/PlotStyle.h"

#include <qcustomplot.h>

#include <cmath>

namespace folkrnn::widgets {

SortedActivationsView::SortedActivationsView(QWidget *parent) : PlotView(parent), bar_(new LayerSignalBar(this))
{
    addToolRow(bar_);
    connect(bar_, &LayerSignalBar::layerChosen, this, [this](int layer) { selection()->setLayer(layer); });
    connect(bar_, &LayerSignalBar::signalChosen, this, [this](folkrnn::Signal s) { selection()->setSignal(s); });

    QCustomPlot *p = plot();
    QCPAxisRect *top = p->axisRect();
    top->axis(QCPAxis::atLeft)->setLabel(tr("rank (smallest to largest)"));
    top->axis(QCPAxis::atLeft)->grid()->setVisible(false);
    top->axis(QCPAxis::atBottom)->setTickLabels(false);
    map_ = new QCPColorMap(top->axis(QCPAxis::atBottom), top->axis(QCPAxis::atLeft));
    map_->setInterpolate(false);
    map_->setTightBoundary(false);
    scale_ = new QCPColorScale(p);
    scale_->setType(QCPAxis::atRight);
    scale_->setBarWidth(10);
    p->plotLayout()->addElement(0, 1, scale_);
    map_->setColorScale(scale_);
    scale_->setGradient(blueWhiteRedGradient());

    sparsityRect_ = addRectBelow(p, 1);
    sparsityRect_->axis(QCPAxis::atLeft)->setLabel(tr("fraction of units"));
    sparsityRect_->axis(QCPAxis::atLeft)->setRange(0, 1);
    stepTicker_ = installStepTokenAxis(sparsityRect_->axis(QCPAxis::atBottom));
    small_ = p->addGraph(sparsityRect_->axis(QCPAxis::atBottom), sparsityRect_->axis(QCPAxis::atLeft));
    large_ = p->addGraph(sparsityRect_->axis(QCPAxis::atBottom), sparsityRect_->axis(QCPAxis::atLeft));
    small_->setName(tr("|x| < 0.07"));
    large_->setName(tr("|x| > 0.8"));
    auto *legend = new QCPLegend;
    sparsityRect_->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
    legend->setLayer(QStringLiteral("legend"));
    small_->addToLegend(legend);
    large_->addToLegend(legend);
    p->plotLayout()->setRowStretchFactor(1, 0.45);

    mapCursor_ = addVerticalLine(p, top, cursorLayer());
    sparsityCursor_ = addVerticalLine(p, sparsityRect_, cursorLayer());
    linkStepAxis(top);
    linkStepAxis(sparsityRect_);
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("Top: the activations of each step sorted from smallest (bottom) to largest (top). "
                     "Bottom: fraction of units nearly silent (|x| < 0.07) and strongly active (|x| > 0.8). "
                     "Click to select a step."));
    runChanged();
}

QString SortedActivationsView::title() const { return tr("Sorted activations and sparsity"); }

void SortedActivationsView::paletteUpdated()
{
    const QPalette pal = palette();
    small_->setPen(QPen(pal.color(QPalette::Highlight), 1.5));
    large_->setPen(QPen(markerColor(), 1.5));
    for (QCPItemStraightLine *c : {mapCursor_, sparsityCursor_})
        c->setPen(QPen(cursorColor(pal), 1.0));
    mapCursor_->setPen(QPen(QColor(20, 20, 20), 1.0)); // over the map's near-white zero
    sparsityRect_->axis(QCPAxis::atBottom)->setTickLabelFont(tickFont(font()));
}

bool SortedActivationsView::hasSignal() const
{
    const Run *r = run();
    return r && r->hasSignals() && r->steps() > 0 && selection()->layer() < r->numLayers();
}

void SortedActivationsView::recompute()
{
    const Run *r = run();
    bar_->setLayerCount(r ? r->numLayers() : 1);
    bar_->showChoice(selection()->layer(), selection()->signal());
    QCPColorMapData *data = map_->data();
    if (!hasSignal()) {
        data->clear();
        small_->data()->clear();
        large_->data()->clear();
        sorted_.resize(0, 0);
        sparsity_ = {};
        bar_->setNote({});
        return;
    }
    const auto x = r->signalMatrix(selection()->layer(), selection()->signal());
    sorted_ = folkrnn::analysis::sortedActivations(x);
    sparsity_ = folkrnn::analysis::sparsity(x);
    const int T = int(sorted_.rows()), H = int(sorted_.cols());
    data->setSize(T, H);
    data->setRange(QCPRange(0, T - 1), QCPRange(0, H - 1));
    if (T == 1)
        data->setKeyRange(QCPRange(-0.5, 0.5));
    double peak = 0;
    for (int t = 0; t < T; ++t)
        for (int k = 0; k < H; ++k) {
            data->setCell(t, k, sorted_(t, k));
            peak = std::max(peak, std::abs(double(sorted_(t, k))));
        }
    const double limit = peak > 0 ? peak : 1.0;
    scale_->setDataRange(QCPRange(-limit, limit));
    scale_->axis()->setLabel(tr("%1, layer %2").arg(QString::fromLatin1(signalName(selection()->signal())))
                                 .arg(selection()->layer() + 1));
    plot()->axisRect()->axis(QCPAxis::atLeft)->setRange(-0.5, H - 0.5);
    QVector<double> keys(T), s(T), l(T);
    for (int t = 0; t < T; ++t) {
        keys[t] = t;
        s[t] = sparsity_.smallFraction[t];
        l[t] = sparsity_.largeFraction[t];
    }
    small_->setData(keys, s, true);
    large_->setData(keys, l, true);
    bar_->setNote(tr("over the run: %1% of |x| < 0.07, %2% > 0.8 (%3 units per step)")
                      .arg(100.0 * sparsity_.overallSmall, 0, 'f', 1)
                      .arg(100.0 * sparsity_.overallLarge, 0, 'f', 1)
                      .arg(sparsity_.meanLargeCount, 0, 'f', 1));
}

void SortedActivationsView::runChanged()
{
    stepTicker_->setLabels(stepTokenLabels(run()));
    recompute();
    applyStepRange();
    placeCursor();
    replotAll();
}

void SortedActivationsView::placeCursor()
{
    const int step = selection()->step();
    const bool on = hasSignal() && step >= 0 && step < run()->steps();
    placeVerticalLine(mapCursor_, step, on);
    placeVerticalLine(sparsityCursor_, step, on);
}

void SortedActivationsView::selectionChanged(SelectionChange what)
{
    if (what & (SelectionField::Layer | SelectionField::Signal)) {
        recompute();
        placeCursor();
        replotAll();
    } else if (what & SelectionField::StepRange) {
        applyStepRange();
        placeCursor();
        replotAll();
    } else if (what & SelectionField::Step) {
        placeCursor();
        replotCursor();
    }
}

void SortedActivationsView::clicked(QPoint pos, Qt::KeyboardModifiers)
{
    if (!hasSignal())
        return;
    for (QCPAxisRect *rect : {plot()->axisRect(), sparsityRect_}) {
        if (!rect->rect().contains(pos))
            continue;
        const int step = int(std::lround(rect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x())));
        if (step >= 0 && step < run()->steps())
            selection()->setStep(step);
    }
}

int SortedActivationsView::shownStep() const
{
    return mapCursor_->visible() ? int(std::lround(mapCursor_->point1->coords().x())) : -1;
}

bool SortedActivationsView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    QStringList header{QStringLiteral("step"), QStringLiteral("token"), QStringLiteral("fraction_below_0.07"),
                       QStringLiteral("fraction_above_0.8")};
    for (Eigen::Index k = 0; k < sorted_.cols(); ++k)
        header << QStringLiteral("rank%1").arg(k);
    csv.row(header);
    const Run *r = run();
    for (Eigen::Index t = 0; r && t < sorted_.rows(); ++t) {
        QStringList row{QString::number(t), QString::fromStdString(r->tokenText(r->token(int(t)))),
                        csvNumber(sparsity_.smallFraction[t]), csvNumber(sparsity_.largeFraction[t])};
        for (Eigen::Index k = 0; k < sorted_.cols(); ++k)
            row << csvNumber(sorted_(t, k));
        csv.row(row);
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

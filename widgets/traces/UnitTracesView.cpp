#include "widgets/traces/UnitTracesView.h"

#include "core/sim/Run.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/LayerSignalBar.h"
#include "widgets/common/PlotStyle.h"
#include "widgets/common/StepCurve.h"

#include <qcustomplot.h>

#include <array>
#include <cmath>

namespace folkrnn::widgets {

namespace {
// Okabe & Ito's colour-blind-safe qualitative palette (black replaced by grey for dark themes).
constexpr std::array<QRgb, 8> kTraceColours{0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442,
                                            0x0072b2, 0xd55e00, 0xcc79a7, 0x999999};
} // namespace

UnitTracesView::UnitTracesView(QWidget *parent) : PlotView(parent), bar_(new LayerSignalBar(this))
{
    addToolRow(bar_);
    connect(bar_, &LayerSignalBar::layerChosen, this, [this](int layer) { selection()->setLayer(layer); });
    connect(bar_, &LayerSignalBar::signalChosen, this, [this](folkrnn::Signal s) { selection()->setSignal(s); });
    QCustomPlot *p = plot();
    stepTicker_ = installStepTokenAxis(p->xAxis);
    p->legend->setVisible(true);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    cursor_ = new QCPItemStraightLine(p);
    cursor_->setLayer(cursorLayer());
    cursor_->setSelectable(false);
    hint_ = new QCPItemText(p);
    hint_->position->setType(QCPItemPosition::ptAxisRectRatio);
    hint_->position->setCoords(0.5, 0.5);
    hint_->setText(tr("Select units in the activation view\n(click a cell;\nCtrl+click adds a unit)"));
    hint_->setSelectable(false);
    linkStepAxis(p->axisRect());
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("The selected units' values over the steps, with the tokens taken. Click to select a step."));
    runChanged();
}

QString UnitTracesView::title() const { return tr("Unit traces"); }

void UnitTracesView::paletteUpdated()
{
    cursor_->setPen(QPen(cursorColor(palette()), 1.0));
    hint_->setColor(palette().color(QPalette::PlaceholderText));
    hint_->setFont(titleFont(font()));
    plot()->xAxis->setTickLabelFont(tickFont(font()));
    plot()->yAxis->setTickLabelFont(tickFont(font()));
    plot()->legend->setFont(tickFont(font()));
}

const QCPGraph *UnitTracesView::trace(int k) const { return graphs_.value(k); }

void UnitTracesView::rebuildTraces(int from)
{
    const Run *r = run();
    const int layer = selection()->layer();
    const folkrnn::Signal sig = selection()->signal();
    bar_->setLayerCount(r ? r->numLayers() : 1);
    bar_->showChoice(layer, sig);
    const bool ok = r && r->hasSignals() && layer >= 0 && layer < r->numLayers();
    const int T = ok ? r->steps() : 0;
    QList<int> units;
    for (int unit : selection()->units())
        if (ok && unit >= 0 && unit < r->hiddenSize())
            units << unit;
    // The curves of the same units for the steps the run kept stay; only later steps are redone.
    if (!graphs_.isEmpty())
        from = std::min(from, graphs_.front()->dataCount());
    if (from <= 0 || units != tracedUnits_ || layer != tracedLayer_ || sig != tracedSignal_) {
        from = 0;
        plot()->clearGraphs();
        graphs_.clear();
        tracedUnits_ = units;
        tracedLayer_ = layer;
        tracedSignal_ = sig;
        for (int unit : units) {
            QCPGraph *g = plot()->addGraph();
            const QColor colour(kTraceColours[static_cast<std::size_t>(graphs_.size()) % kTraceColours.size()]);
            g->setPen(QPen(colour, 1.6));
            g->setName(tr("unit %1").arg(unit));
            graphs_ << g;
        }
    }
    double lo = 0.0, hi = 0.0;
    for (int k = 0; k < units.size(); ++k) {
        const auto m = r->signalMatrix(layer, sig);
        QVector<double> values;
        values.reserve(std::max(0, T - from));
        for (int t = from; t < T; ++t)
            values << m(t, units[k]);
        setStepCurveFrom(graphs_[k], from, values);
        for (const QCPGraphData &d : *graphs_[k]->data()) {
            lo = std::min(lo, d.value);
            hi = std::max(hi, d.value);
        }
    }
    const double pad = std::max(0.05, 0.08 * (hi - lo));
    plot()->yAxis->setRange(lo - pad, hi + pad);
    plot()->yAxis->setLabel(tr("%1, layer %2").arg(QString::fromLatin1(signalName(sig))).arg(layer + 1));
    plot()->legend->setVisible(!graphs_.isEmpty());
    hint_->setVisible(graphs_.isEmpty());
    bar_->setNote(graphs_.isEmpty() ? QString() : tr("%n unit(s)", nullptr, int(graphs_.size())));
}

void UnitTracesView::runChanged()
{
    updateStepTokenLabels(*stepTicker_, run(), keptSteps());
    rebuildTraces(keptSteps());
    applyStepRange();
    placeCursor();
    replotAll();
}

void UnitTracesView::placeCursor()
{
    for (QCPGraph *g : graphs_)
        g->setScatterStyle(roomForStepMarkers() ? QCPScatterStyle(QCPScatterStyle::ssDisc, g->pen().color(), 3)
                                                : QCPScatterStyle(QCPScatterStyle::ssNone));
    const Run *r = run();
    const int step = selection()->step();
    cursor_->setVisible(r && step >= 0 && step < r->steps());
    cursor_->point1->setCoords(step, 0);
    cursor_->point2->setCoords(step, 1);
}

void UnitTracesView::selectionChanged(SelectionChange what)
{
    if (what & (SelectionField::Layer | SelectionField::Signal | SelectionField::Units)) {
        rebuildTraces();
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

void UnitTracesView::clicked(QPoint pos, Qt::KeyboardModifiers)
{
    const Run *r = run();
    if (!r || !plot()->axisRect()->rect().contains(pos))
        return;
    const int step = int(std::lround(plot()->xAxis->pixelToCoord(pos.x())));
    if (step >= 0 && step < r->steps())
        selection()->setStep(step);
}

int UnitTracesView::shownStep() const
{
    return cursor_->visible() ? int(std::lround(cursor_->point1->coords().x())) : -1;
}

bool UnitTracesView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    QStringList header{QStringLiteral("step"), QStringLiteral("token")};
    for (const QCPGraph *g : graphs_)
        header << g->name();
    csv.row(header);
    const Run *r = run();
    for (int t = 0; r && !graphs_.isEmpty() && t < r->steps(); ++t) {
        QStringList row{QString::number(t), QString::fromStdString(r->tokenText(r->token(t)))};
        for (const QCPGraph *g : graphs_)
            row << csvNumber(g->data()->at(t)->value);
        csv.row(row);
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

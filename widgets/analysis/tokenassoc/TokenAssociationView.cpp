#include "widgets/analysis/tokenassoc/TokenAssociationView.h"

#include "core/sim/Run.h"
#include "widgets/analysis/common/AnalysisPlot.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/LayerSignalBar.h"
#include "widgets/common/PlotStyle.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>

#include <cmath>

namespace folkrnn::widgets {

TokenAssociationView::TokenAssociationView(QWidget *parent)
    : PlotView(parent), bar_(new LayerSignalBar(this)), lag_(new QSpinBox(this)),
      rank_(new QPushButton(tr("Units &before token"), this))
{
    auto *controls = new QWidget(this);
    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(4, 2, 4, 2);
    auto *lagLabel = new QLabel(tr("steps &back"), controls);
    lagLabel->setBuddy(lag_);
    lag_->setRange(0, 64);
    row->addWidget(lagLabel);
    row->addWidget(lag_);
    row->addWidget(rank_);
    row->addStretch(1);
    addToolRow(controls);
    addToolRow(bar_);
    connect(bar_, &LayerSignalBar::layerChosen, this, [this](int layer) { selection()->setLayer(layer); });
    connect(bar_, &LayerSignalBar::signalChosen, this, [this](folkrnn::Signal s) { selection()->setSignal(s); });
    connect(lag_, &QSpinBox::valueChanged, this, [this] {
        recompute();
        showUnit();
        replotAll();
    });
    connect(rank_, &QPushButton::clicked, this, &TokenAssociationView::selectUnitsBeforeToken);

    QCustomPlot *p = plot();
    p->yAxis->setLabel(tr("mean value before the token"));
    bars_ = new QCPBars(p->xAxis, p->yAxis);
    selected_ = new QCPBars(p->xAxis, p->yAxis);
    for (QCPBars *b : {bars_, selected_}) {
        b->setWidth(0.8);
        b->setSelectable(QCP::stNone);
    }
    meanLine_ = new QCPItemStraightLine(p);
    meanLine_->setSelectable(false);
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("For the selected unit: its mean value at the steps just before each token was emitted "
                     "(tokens in display order; no bar where the token never occurs). Dashed: the unit's mean "
                     "over the run. Click a bar to select its token."));
    runChanged();
}

QString TokenAssociationView::title() const { return tr("Unit before tokens"); }

void TokenAssociationView::paletteUpdated()
{
    const QPalette pal = palette();
    bars_->setPen(Qt::NoPen);
    bars_->setBrush(pal.color(QPalette::Highlight));
    selected_->setPen(QPen(cursorColor(pal), 1.5));
    selected_->setBrush(markerColor());
    meanLine_->setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
    plot()->xAxis->setTickLabelFont(tickFont(font()));
}

void TokenAssociationView::setLag(int lag) { lag_->setValue(lag); }

bool TokenAssociationView::hasSignal() const
{
    const Run *r = run();
    return r && r->hasSignals() && r->steps() > 0 && selection()->layer() < r->numLayers();
}

void TokenAssociationView::recompute()
{
    const Run *r = run();
    bar_->setLayerCount(r ? r->numLayers() : 1);
    bar_->showChoice(selection()->layer(), selection()->signal());
    if (r && !order_.sameVocabulary(r->sharedVocabulary())) {
        order_ = TokenOrder(r->sharedVocabulary());
        tokenTicker_ = installTokenAxis(plot()->xAxis, order_);
    }
    assoc_ = hasSignal() ? folkrnn::analysis::tokenAssociation(r->signalMatrix(selection()->layer(), selection()->signal()),
                                                               r->tokens(), r->vocabSize(), lag_->value())
                         : folkrnn::analysis::TokenAssociation{};
}

void TokenAssociationView::showUnit()
{
    const QList<int> &units = selection()->units();
    shownUnit_ = (hasSignal() && !units.isEmpty() && units.front() < assoc_.mean.cols()) ? units.front() : -1;
    QVector<double> keys, values, selKeys, selValues;
    double lo = 0, hi = 0;
    if (shownUnit_ >= 0) {
        for (int row = 0; row < order_.size(); ++row) {
            const int k = order_.tokenAtRow(row);
            if (assoc_.count[std::size_t(k)] == 0)
                continue;
            const double v = assoc_.mean(k, shownUnit_);
            (k == selection()->token() ? selKeys : keys) << row;
            (k == selection()->token() ? selValues : values) << v;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        const double m = assoc_.unitMean[shownUnit_];
        meanLine_->point1->setCoords(0, m);
        meanLine_->point2->setCoords(1, m);
    }
    meanLine_->setVisible(shownUnit_ >= 0);
    bars_->setData(keys, values, true);
    selected_->setData(selKeys, selValues, true);
    const double pad = std::max(0.05, 0.08 * (hi - lo));
    plot()->yAxis->setRange(lo - pad, hi + pad);
    const int token = selection()->token();
    rank_->setEnabled(hasSignal() && token >= 0 && token < int(assoc_.count.size()) && assoc_.count[std::size_t(token)] > 0);
    if (!hasSignal())
        bar_->setNote({});
    else if (shownUnit_ < 0)
        bar_->setNote(tr("select a unit (e.g. click one in the activations or the spectra)"));
    else
        bar_->setNote(tr("unit %1 of layer %2").arg(shownUnit_).arg(selection()->layer() + 1));
}

void TokenAssociationView::selectUnitsBeforeToken()
{
    const auto ranked = folkrnn::analysis::unitsBeforeToken(assoc_, selection()->token());
    QList<int> units;
    for (std::size_t k = 0; k < ranked.size() && k < 10; ++k)
        units << ranked[k].unit;
    if (!units.isEmpty())
        selection()->setUnits(units);
}

void TokenAssociationView::runChanged()
{
    recompute();
    showUnit();
    replotAll();
}

void TokenAssociationView::selectionChanged(SelectionChange what)
{
    if (what & (SelectionField::Layer | SelectionField::Signal))
        recompute();
    if (what & (SelectionField::Layer | SelectionField::Signal | SelectionField::Units | SelectionField::Token)) {
        showUnit();
        replotAll();
    }
}

void TokenAssociationView::clicked(QPoint pos, Qt::KeyboardModifiers)
{
    if (!run() || !plot()->axisRect()->rect().contains(pos))
        return;
    const int row = int(std::lround(plot()->xAxis->pixelToCoord(pos.x())));
    if (row >= 0 && row < order_.size())
        selection()->setToken(order_.tokenAtRow(row));
}

bool TokenAssociationView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    csv.row({QStringLiteral("token"), QStringLiteral("count"),
             QStringLiteral("mean_unit%1").arg(shownUnit_ >= 0 ? QString::number(shownUnit_) : QString())});
    const Run *r = run();
    for (int row = 0; r && row < order_.size(); ++row) {
        const int k = order_.tokenAtRow(row);
        const int n = k < int(assoc_.count.size()) ? assoc_.count[std::size_t(k)] : 0;
        csv.row({QString::fromStdString(r->tokenText(k)), QString::number(n),
                 (shownUnit_ >= 0 && n > 0) ? csvNumber(assoc_.mean(k, shownUnit_)) : QString()});
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

#include "widgets/analysis/subspace/GateSubspaceView.h"

#include "core/analysis/WeightAnalysisCache.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/PlotStyle.h"
#include "widgets/selection/Selection.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

#include <cmath>

namespace folkrnn::widgets {

GateSubspaceView::GateSubspaceView(QWidget *parent)
    : WeightPlotView(parent), layerBox_(new QComboBox(this)), gateBox_(new QComboBox(this)), note_(new QLabel(this))
{
    auto *controls = new QWidget(this);
    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(4, 2, 4, 2);
    auto *layerLabel = new QLabel(tr("&Layer"), controls);
    layerLabel->setBuddy(layerBox_);
    auto *gateLabel = new QLabel(tr("&Gate"), controls);
    gateLabel->setBuddy(gateBox_);
    gateBox_->addItem(tr("i: input"), int(Gate::Input));
    gateBox_->addItem(tr("f: forget"), int(Gate::Forget));
    gateBox_->addItem(tr("c: cell input"), int(Gate::Cell));
    gateBox_->addItem(tr("o: output"), int(Gate::Output));
    row->addWidget(layerLabel);
    row->addWidget(layerBox_);
    row->addWidget(gateLabel);
    row->addWidget(gateBox_);
    row->addWidget(note_, 1);
    note_->setTextFormat(Qt::PlainText);
    addToolRow(controls);
    connect(layerBox_, &QComboBox::activated, this, [this](int index) { setLayerAndGate(index, gate_); });
    connect(gateBox_, &QComboBox::activated, this,
            [this](int index) { setLayerAndGate(layer_, Gate(gateBox_->itemData(index).toInt())); });

    QCustomPlot *p = plot();
    curveRect_ = p->axisRect();
    histRect_ = addRectBelow(p, 1);
    p->plotLayout()->setRowStretchFactor(1, 0.5);
    curveRect_->axis(QCPAxis::atBottom)->setLabel(tr("cumulative fraction of the singular values of W_h"));
    curveRect_->axis(QCPAxis::atLeft)->setLabel(tr("‖U_r U_rᵀ w_k‖ / ‖w_k‖"));
    curveRect_->axis(QCPAxis::atBottom)->setRange(0, 1);
    curveRect_->axis(QCPAxis::atLeft)->setRange(0, 1.02);
    histRect_->axis(QCPAxis::atBottom)->setLabel(tr("cos(w_k + b, column of W_h)"));
    histRect_->axis(QCPAxis::atLeft)->setLabel(tr("count"));
    histRect_->axis(QCPAxis::atBottom)->setRange(-1, 1);
    highlighted_ = p->addGraph(curveRect_->axis(QCPAxis::atBottom), curveRect_->axis(QCPAxis::atLeft));
    highlighted_->setLayer(cursorLayer());
    histBars_ = new QCPBars(histRect_->axis(QCPAxis::atBottom), histRect_->axis(QCPAxis::atLeft));
    histBars_->setWidth(2.0 / kHistogramBins);
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("Top: for each input (token) of the layer, the fraction of its input-matrix column inside "
                     "the span of the leading singular vectors of the recurrent matrix, as more are added. "
                     "Bottom: histogram of the cosines between input columns plus bias and recurrent columns. "
                     "Click a curve to select its token."));
    weightsChanged();
}

QString GateSubspaceView::title() const { return tr("Gate subspaces"); }

void GateSubspaceView::paletteUpdated()
{
    const QPalette pal = palette();
    QColor thin = pal.color(QPalette::Text);
    thin.setAlpha(60);
    for (QCPGraph *g : curves_)
        g->setPen(QPen(thin, 1.0));
    highlighted_->setPen(QPen(markerColor(), 2.5));
    histBars_->setPen(Qt::NoPen);
    histBars_->setBrush(pal.color(QPalette::Highlight));
}

bool GateSubspaceView::inputsAreTokens() const
{
    const folkrnn::Model *m = model();
    return m && layer_ == 0 && !m->embedding;
}

void GateSubspaceView::weightsChanged()
{
    const folkrnn::Model *m = model();
    {
        const QSignalBlocker block(layerBox_);
        layerBox_->clear();
        for (int l = 0; m && l < m->numLayers(); ++l)
            layerBox_->addItem(QString::number(l + 1));
    }
    layer_ = m ? std::clamp(layer_, 0, m->numLayers() - 1) : 0;
    setLayerAndGate(layer_, gate_);
}

void GateSubspaceView::setLayerAndGate(int layer, Gate gate)
{
    layer_ = layer;
    gate_ = gate;
    {
        const QSignalBlocker b1(layerBox_), b2(gateBox_);
        layerBox_->setCurrentIndex(layer);
        gateBox_->setCurrentIndex(gateBox_->findData(int(gate)));
    }
    request();
}

void GateSubspaceView::request()
{
    subspace_.reset();
    cosines_.reset();
    const std::shared_ptr<folkrnn::analysis::WeightAnalysisCache> cache = sharedWeightAnalyses();
    if (!cache) {
        show();
        return;
    }
    const int layer = layer_;
    const Gate gate = gate_;
    if (cache->hasSubspace(layer, gate)) {
        subspace_ = cache->subspace(layer, gate);
        cosines_ = cache->inputRecurrentCosines(layer, gate);
        show();
        return;
    }
    note_->setText(tr("computing the SVD of W_h%1 (layer %2)…").arg(QLatin1String(gateSuffix(gate))).arg(layer + 1));
    show();
    computeInBackground(
        [cache, layer, gate] {
            cache->subspace(layer, gate);
            cache->inputRecurrentCosines(layer, gate);
        },
        [this, cache, layer, gate] {
            if (layer != layer_ || gate != gate_)
                return; // the user moved on; that request is on its way
            subspace_ = cache->subspace(layer, gate);
            cosines_ = cache->inputRecurrentCosines(layer, gate);
            show();
        });
}

void GateSubspaceView::show()
{
    QCustomPlot *p = plot();
    const int n = subspace_ ? int(subspace_->captured.rows()) : 0;
    while (curves_.size() > n)
        p->removeGraph(curves_.takeLast());
    while (curves_.size() < n)
        curves_ << p->addGraph(curveRect_->axis(QCPAxis::atBottom), curveRect_->axis(QCPAxis::atLeft));
    histBars_->data()->clear();
    if (!subspace_ || !cosines_) {
        for (QCPGraph *g : curves_)
            g->data()->clear();
        highlighted_->data()->clear();
        replotAll();
        return;
    }
    const int H = int(subspace_->captured.cols());
    QVector<double> x(H);
    for (int r = 0; r < H; ++r)
        x[r] = subspace_->cumulativeSingularValue[r];
    for (int k = 0; k < n; ++k) {
        QVector<double> y(H);
        for (int r = 0; r < H; ++r)
            y[r] = subspace_->captured(k, r);
        curves_[k]->setData(x, y, true);
    }
    histogram_ = folkrnn::analysis::histogram(*cosines_, kHistogramBins);
    QVector<double> centres(kHistogramBins), counts(kHistogramBins);
    double top = 1;
    for (int b = 0; b < kHistogramBins; ++b) {
        centres[b] = histogram_.lo + (b + 0.5) * histogram_.binWidth();
        counts[b] = double(histogram_.counts[std::size_t(b)]);
        top = std::max(top, counts[b]);
    }
    histBars_->setData(centres, counts, true);
    histRect_->axis(QCPAxis::atLeft)->setRange(0, top * 1.05);
    note_->setText(tr("W_h%1 of layer %2: largest singular value %3")
                       .arg(QLatin1String(gateSuffix(gate_)))
                       .arg(layer_ + 1)
                       .arg(subspace_->singularValues[0], 0, 'f', 2));
    paletteUpdated();
    highlight();
    replotAll();
}

void GateSubspaceView::highlight()
{
    const int token = selection()->token();
    if (!subspace_ || !inputsAreTokens() || token < 0 || token >= subspace_->captured.rows()) {
        highlighted_->data()->clear();
        return;
    }
    highlighted_->setData(curves_[token]->data());
    highlighted_->setName(QString::fromStdString(model()->vocabulary[std::size_t(token)]));
}

void GateSubspaceView::selectionChanged(SelectionChange what)
{
    if (what & SelectionField::Token) {
        highlight();
        replotCursor();
    }
}

void GateSubspaceView::clicked(QPoint pos, Qt::KeyboardModifiers)
{
    if (!subspace_ || !inputsAreTokens() || !curveRect_->rect().contains(pos))
        return;
    const double x = curveRect_->axis(QCPAxis::atBottom)->pixelToCoord(pos.x());
    const double y = curveRect_->axis(QCPAxis::atLeft)->pixelToCoord(pos.y());
    const Eigen::VectorXd &cum = subspace_->cumulativeSingularValue;
    Eigen::Index r = 0;
    (cum.array() - x).abs().minCoeff(&r);
    Eigen::Index k = 0;
    (subspace_->captured.col(r).array() - y).abs().minCoeff(&k);
    selection()->setToken(int(k));
}

bool GateSubspaceView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    QStringList header{QStringLiteral("r"), QStringLiteral("singular_value"), QStringLiteral("cumulative_fraction")};
    const folkrnn::Model *m = model();
    const int n = subspace_ ? int(subspace_->captured.rows()) : 0;
    for (int k = 0; k < n; ++k)
        header << (inputsAreTokens() ? QString::fromStdString(m->vocabulary[std::size_t(k)]) : QStringLiteral("input%1").arg(k));
    csv.row(header);
    const int H = subspace_ ? int(subspace_->captured.cols()) : 0;
    for (int r = 0; r < H; ++r) {
        QStringList row{QString::number(r + 1), csvNumber(subspace_->singularValues[r]),
                        csvNumber(subspace_->cumulativeSingularValue[r])};
        for (int k = 0; k < n; ++k)
            row << csvNumber(subspace_->captured(k, r));
        csv.row(row);
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

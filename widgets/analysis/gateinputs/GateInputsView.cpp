#include "widgets/analysis/gateinputs/GateInputsView.h"

#include "core/abc/TokenCategory.h"
#include "core/analysis/WeightAnalysisCache.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/PlotStyle.h"
#include "widgets/selection/Selection.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

#include <cmath>
#include <numeric>

namespace folkrnn::widgets {

namespace {
// One colour per gate i, f, c, o (Okabe-Ito, readable by colour-blind users).
const QColor kGateColors[4] = {QColor(0, 114, 178), QColor(0, 158, 115), QColor(230, 159, 0), QColor(204, 121, 167)};
const char *kGateNames[4] = {"i", "f", "c", "o"};
} // namespace

GateInputsView::GateInputsView(QWidget *parent) : WeightPlotView(parent), layerBox_(new QComboBox(this))
{
    auto *controls = new QWidget(this);
    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(4, 2, 4, 2);
    auto *label = new QLabel(tr("&Layer"), controls);
    label->setBuddy(layerBox_);
    row->addWidget(label);
    row->addWidget(layerBox_);
    row->addStretch(1);
    addToolRow(controls);
    connect(layerBox_, &QComboBox::activated, this, [this](int index) { setLayer(index); });

    QCustomPlot *p = plot();
    rects_[0] = p->axisRect();
    for (int r = 1; r < 4; ++r)
        rects_[std::size_t(r)] = addRectBelow(p, r);
    const QString titles[4] = {tr("‖column‖"), tr("cos(column, bias)"), tr("mean gate value"), tr("bias")};
    for (int r = 0; r < 4; ++r) {
        QCPAxisRect *rect = rects_[std::size_t(r)];
        rect->axis(QCPAxis::atLeft)->setLabel(titles[r]);
        for (int g = 0; g < 4; ++g) {
            QCPGraph *graph = p->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            graph->setName(QStringLiteral("%1%2").arg(r == 3 ? QStringLiteral("b_") : QStringLiteral("W_x"))
                               .arg(QLatin1String(kGateNames[g])));
            graphs_[std::size_t(r)][std::size_t(g)] = graph;
        }
        if (r == 0 || r == 3) {
            auto *legend = new QCPLegend;
            rect->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
            legend->setLayer(QStringLiteral("legend"));
            for (QCPGraph *graph : graphs_[std::size_t(r)])
                graph->addToLegend(legend);
        }
        if (r < 3)
            tokenMarks_[std::size_t(r)] = addVerticalLine(p, rect, cursorLayer());
    }
    for (int r = 0; r < 2; ++r)
        rects_[std::size_t(r)]->axis(QCPAxis::atBottom)->setTickLabels(false);
    rects_[3]->axis(QCPAxis::atBottom)->setLabel(tr("unit"));
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("Per input (token for the first layer) of the chosen layer: the norm of its column in each "
                     "gate's input matrix, the cosine with the gate's bias, and the gate's mean value for that "
                     "input alone; below, the four bias vectors. Click an input to select its token."));
    weightsChanged();
}

QString GateInputsView::title() const { return tr("Gate input columns and biases"); }

void GateInputsView::paletteUpdated()
{
    for (int r = 0; r < 4; ++r)
        for (int g = 0; g < 4; ++g) {
            QCPGraph *graph = graphs_[std::size_t(r)][std::size_t(g)];
            graph->setPen(QPen(kGateColors[g], 1.2));
            graph->setLineStyle(r == 3 ? QCPGraph::lsLine : QCPGraph::lsNone);
            graph->setScatterStyle(r == 3 ? QCPScatterStyle() : QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
        }
    for (QCPItemStraightLine *m : tokenMarks_)
        m->setPen(QPen(cursorColor(palette()), 1.0));
    for (QCPItemStraightLine *m : unitMarks_)
        m->setPen(QPen(markerColor(), 1.0));
    rects_[2]->axis(QCPAxis::atBottom)->setTickLabelFont(tickFont(font()));
}

bool GateInputsView::inputsAreTokens() const
{
    const folkrnn::Model *m = model();
    return m && layer_ == 0 && !m->embedding;
}

void GateInputsView::setLayer(int layer)
{
    layer_ = layer;
    {
        const QSignalBlocker block(layerBox_);
        layerBox_->setCurrentIndex(layer);
    }
    recompute();
    placeMarks();
    replotAll();
}

void GateInputsView::weightsChanged()
{
    const folkrnn::Model *m = model();
    {
        const QSignalBlocker block(layerBox_);
        layerBox_->clear();
        for (int l = 0; m && l < m->numLayers(); ++l)
            layerBox_->addItem(QString::number(l + 1));
    }
    layer_ = m ? std::clamp(layer_, 0, m->numLayers() - 1) : 0;
    setLayer(layer_);
}

void GateInputsView::recompute()
{
    folkrnn::analysis::WeightAnalysisCache *cache = weightAnalyses();
    summary_ = cache ? cache->gateInputs(layer_) : nullptr;
    for (auto &rect : graphs_)
        for (QCPGraph *g : rect)
            g->data()->clear();
    if (!summary_) {
        order_.clear();
        rowOf_.clear();
        return;
    }
    const folkrnn::Model &m = *cache->model();
    const int nIn = int(summary_->columnNorms.cols());
    if (inputsAreTokens()) {
        order_ = folkrnn::displayOrder(m.vocabulary);
    } else {
        order_.resize(std::size_t(nIn));
        std::iota(order_.begin(), order_.end(), 0);
    }
    rowOf_.assign(std::size_t(nIn), 0);
    QVector<QString> labels;
    for (int row = 0; row < nIn; ++row) {
        rowOf_[std::size_t(order_[std::size_t(row)])] = row;
        labels << (inputsAreTokens() ? QString::fromStdString(m.vocabulary[std::size_t(order_[std::size_t(row)])])
                                     : QString::number(order_[std::size_t(row)]));
    }
    inputTicker_.reset(new StrideLabelTicker(rects_[2]->axis(QCPAxis::atBottom)));
    inputTicker_->setLabels(labels);
    rects_[2]->axis(QCPAxis::atBottom)->setTicker(inputTicker_);
    rects_[2]->axis(QCPAxis::atBottom)->setTickLabelRotation(-90);
    rects_[2]->axis(QCPAxis::atBottom)->setLabel(inputsAreTokens() ? tr("token") : tr("input unit"));
    const folkrnn::RowMatrixXd *per[3] = {&summary_->columnNorms, &summary_->biasCosine, &summary_->meanActivation};
    QVector<double> keys(nIn);
    std::iota(keys.begin(), keys.end(), 0.0);
    for (int r = 0; r < 3; ++r) {
        for (int g = 0; g < 4; ++g) {
            QVector<double> values(nIn);
            for (int row = 0; row < nIn; ++row)
                values[row] = (*per[r])(g, order_[std::size_t(row)]);
            graphs_[std::size_t(r)][std::size_t(g)]->setData(keys, values, true);
        }
        rects_[std::size_t(r)]->axis(QCPAxis::atBottom)->setRange(-0.5, nIn - 0.5);
        rects_[std::size_t(r)]->axis(QCPAxis::atLeft)->rescale();
    }
    rects_[1]->axis(QCPAxis::atLeft)->setRange(-1.05, 1.05);
    const LstmLayer &layer = m.layers[std::size_t(layer_)];
    const int H = int(layer.hiddenSize());
    QVector<double> units(H);
    std::iota(units.begin(), units.end(), 0.0);
    for (int g = 0; g < 4; ++g) {
        QVector<double> values(H);
        for (int u = 0; u < H; ++u)
            values[u] = layer.b[std::size_t(g)][u];
        QCPGraph *graph = graphs_[3][std::size_t(g)];
        graph->setData(units, values, true);
        graph->setName(tr("b_%1 (‖b‖ = %2)").arg(QLatin1String(kGateNames[g])).arg(summary_->biasNorms[g], 0, 'f', 1));
    }
    rects_[3]->axis(QCPAxis::atBottom)->setRange(-0.5, H - 0.5);
    rects_[3]->axis(QCPAxis::atLeft)->rescale();
}

void GateInputsView::placeMarks()
{
    const int token = selection()->token();
    const bool on = inputsAreTokens() && token >= 0 && std::size_t(token) < rowOf_.size();
    for (QCPItemStraightLine *m : tokenMarks_)
        placeVerticalLine(m, on ? rowOf_[std::size_t(token)] : 0, on);
    QList<int> units = selection()->layer() == layer_ ? selection()->units() : QList<int>{};
    while (unitMarks_.size() > units.size())
        plot()->removeItem(unitMarks_.takeLast());
    while (unitMarks_.size() < units.size()) {
        QCPItemStraightLine *line = addVerticalLine(plot(), rects_[3], cursorLayer());
        line->setPen(QPen(markerColor(), 1.0));
        unitMarks_ << line;
    }
    for (int k = 0; k < units.size(); ++k)
        placeVerticalLine(unitMarks_[k], units[k], summary_ != nullptr);
}

void GateInputsView::selectionChanged(SelectionChange what)
{
    if (what & (SelectionField::Token | SelectionField::Units | SelectionField::Layer)) {
        placeMarks();
        replotCursor();
    }
}

void GateInputsView::clicked(QPoint pos, Qt::KeyboardModifiers modifiers)
{
    if (!summary_)
        return;
    for (int r = 0; r < 4; ++r) {
        QCPAxisRect *rect = rects_[std::size_t(r)];
        if (!rect->rect().contains(pos))
            continue;
        const int x = int(std::lround(rect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x())));
        if (r == 3) {
            if (x >= 0 && x < model()->hiddenSize()) {
                SelectionState state = selection()->state();
                state.units = selection()->layer() == layer_ ? clickedUnits(selection(), x, modifiers) : QList<int>{x};
                state.layer = layer_;
                selection()->setState(state);
            }
        } else if (inputsAreTokens() && x >= 0 && std::size_t(x) < order_.size()) {
            selection()->setToken(order_[std::size_t(x)]);
        }
    }
}

bool GateInputsView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    QStringList header{QStringLiteral("input")};
    for (const char *what : {"norm", "bias_cosine", "mean_value"})
        for (const char *g : kGateNames)
            header << QStringLiteral("%1_%2").arg(QLatin1String(what), QLatin1String(g));
    csv.row(header);
    const folkrnn::Model *m = model();
    for (std::size_t row = 0; summary_ && row < order_.size(); ++row) {
        const int k = order_[row];
        QStringList fields{inputsAreTokens() ? QString::fromStdString(m->vocabulary[std::size_t(k)]) : QString::number(k)};
        for (const folkrnn::RowMatrixXd *a : {&summary_->columnNorms, &summary_->biasCosine, &summary_->meanActivation})
            for (int g = 0; g < 4; ++g)
                fields << csvNumber((*a)(g, k));
        csv.row(fields);
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

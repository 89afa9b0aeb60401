#include "widgets/analysis/svd/SoftmaxSvdView.h"

#include "core/analysis/WeightAnalysisCache.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/PlotStyle.h"
#include "widgets/selection/Selection.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace folkrnn::widgets {

SoftmaxSvdView::SoftmaxSvdView(QWidget *parent)
    : WeightPlotView(parent), indexBox_(new QSpinBox(this)), units_(new QPushButton(tr("Select units of &w_i"), this)),
      note_(new QLabel(this))
{
    auto *controls = new QWidget(this);
    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(4, 2, 4, 2);
    auto *label = new QLabel(tr("singular &vector i"), controls);
    label->setBuddy(indexBox_);
    indexBox_->setRange(1, 1);
    row->addWidget(label);
    row->addWidget(indexBox_);
    row->addWidget(units_);
    row->addWidget(note_, 1);
    note_->setTextFormat(Qt::PlainText);
    addToolRow(controls);
    connect(indexBox_, &QSpinBox::valueChanged, this, [this](int v) { setVectorIndex(v - 1); });
    connect(units_, &QPushButton::clicked, this, &SoftmaxSvdView::selectVectorUnits);

    QCustomPlot *p = plot();
    valuesRect_ = p->axisRect();
    vectorRect_ = addRectBelow(p, 1);
    pushRect_ = addRectBelow(p, 2);
    valuesRect_->axis(QCPAxis::atLeft)->setLabel(tr("singular value"));
    valuesRect_->axis(QCPAxis::atLeft)->setScaleType(QCPAxis::stLogarithmic);
    valuesRect_->axis(QCPAxis::atLeft)->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    valuesRect_->axis(QCPAxis::atBottom)->setLabel(tr("i"));
    vectorRect_->axis(QCPAxis::atLeft)->setLabel(tr("u_i"));
    vectorRect_->axis(QCPAxis::atBottom)->setTickLabels(false);
    pushRect_->axis(QCPAxis::atLeft)->setLabel(tr("p"));
    values_ = p->addGraph(valuesRect_->axis(QCPAxis::atBottom), valuesRect_->axis(QCPAxis::atLeft));
    chosenValue_ = p->addGraph(valuesRect_->axis(QCPAxis::atBottom), valuesRect_->axis(QCPAxis::atLeft));
    chosenValue_->setLineStyle(QCPGraph::lsNone);
    chosenValue_->setLayer(cursorLayer());
    vector_ = new QCPBars(vectorRect_->axis(QCPAxis::atBottom), vectorRect_->axis(QCPAxis::atLeft));
    plusBars_ = new QCPBars(pushRect_->axis(QCPAxis::atBottom), pushRect_->axis(QCPAxis::atLeft));
    minusBars_ = new QCPBars(pushRect_->axis(QCPAxis::atBottom), pushRect_->axis(QCPAxis::atLeft));
    auto *group = new QCPBarsGroup(p);
    for (QCPBars *b : {plusBars_, minusBars_}) {
        b->setWidth(0.4);
        b->setBarsGroup(group);
    }
    vector_->setWidth(0.8);
    plusBars_->setName(tr("h = +w_i: softmax(v + s_i u_i)"));
    minusBars_->setName(tr("h = −w_i: softmax(v − s_i u_i)"));
    auto *legend = new QCPLegend;
    pushRect_->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
    legend->setLayer(QStringLiteral("legend"));
    plusBars_->addToLegend(legend);
    minusBars_->addToLegend(legend);
    vectorMark_ = addVerticalLine(p, vectorRect_, cursorLayer());
    pushMark_ = addVerticalLine(p, pushRect_, cursorLayer());
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("Top: singular values of the softmax matrix (click one to choose it). Middle: its left "
                     "singular vector over the tokens. Bottom: the distributions when the last layer outputs "
                     "plus or minus the right singular vector. Click a token to select it."));
    weightsChanged();
}

QString SoftmaxSvdView::title() const { return tr("Softmax singular vectors"); }

void SoftmaxSvdView::paletteUpdated()
{
    const QPalette pal = palette();
    values_->setPen(QPen(pal.color(QPalette::Highlight), 1.2));
    values_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    chosenValue_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(markerColor(), 2), Qt::NoBrush, 10));
    vector_->setPen(Qt::NoPen);
    vector_->setBrush(pal.color(QPalette::Highlight));
    plusBars_->setPen(Qt::NoPen);
    plusBars_->setBrush(QColor(204, 80, 60));
    minusBars_->setPen(Qt::NoPen);
    minusBars_->setBrush(QColor(50, 110, 190));
    for (QCPItemStraightLine *m : {vectorMark_, pushMark_})
        m->setPen(QPen(cursorColor(pal), 1.0));
    pushRect_->axis(QCPAxis::atBottom)->setTickLabelFont(tickFont(font()));
}

void SoftmaxSvdView::weightsChanged()
{
    folkrnn::analysis::WeightAnalysisCache *cache = weightAnalyses();
    svd_ = cache ? cache->softmaxSvd() : nullptr;
    if (cache) {
        auto vocabulary = std::make_shared<const std::vector<std::string>>(cache->model()->vocabulary);
        order_ = TokenOrder(vocabulary);
        installTokenAxis(vectorRect_->axis(QCPAxis::atBottom), order_);
        tokenTicker_ = installTokenAxis(pushRect_->axis(QCPAxis::atBottom), order_);
        vectorRect_->axis(QCPAxis::atBottom)->setTickLabels(false);
    }
    const int r = svd_ ? int(svd_->singularValues.size()) : 0;
    QVector<double> keys(r), values(r);
    for (int i = 0; i < r; ++i) {
        keys[i] = i + 1;
        values[i] = std::max(svd_->singularValues[i], 1e-12);
    }
    values_->setData(keys, values, true);
    valuesRect_->axis(QCPAxis::atBottom)->setRange(0, std::max(r, 1) + 1);
    valuesRect_->axis(QCPAxis::atLeft)->rescale();
    valuesRect_->axis(QCPAxis::atLeft)->scaleRange(1.3);
    {
        const QSignalBlocker block(indexBox_);
        indexBox_->setRange(1, std::max(r, 1));
    }
    setVectorIndex(std::clamp(index_, 0, std::max(r - 1, 0)));
}

void SoftmaxSvdView::setVectorIndex(int i)
{
    index_ = i;
    {
        const QSignalBlocker block(indexBox_);
        indexBox_->setValue(i + 1);
    }
    showVector();
    placeMarks();
    replotAll();
}

void SoftmaxSvdView::showVector()
{
    const folkrnn::Model *m = model();
    if (!svd_ || !m || index_ >= svd_->singularValues.size()) {
        vector_->data()->clear();
        plusBars_->data()->clear();
        minusBars_->data()->clear();
        chosenValue_->data()->clear();
        note_->clear();
        units_->setEnabled(false);
        return;
    }
    const int V = order_.size();
    plus_.resize(V);
    minus_.resize(V);
    folkrnn::analysis::pushedDistribution(*svd_, m->denseB, index_, +1.0, 1.0, plus_);
    folkrnn::analysis::pushedDistribution(*svd_, m->denseB, index_, -1.0, 1.0, minus_);
    QVector<double> keys(V), u(V), pp(V), pm(V);
    for (int row = 0; row < V; ++row) {
        const int k = order_.tokenAtRow(row);
        keys[row] = row;
        u[row] = svd_->tokenVectors(k, index_);
        pp[row] = plus_[k];
        pm[row] = minus_[k];
    }
    vector_->setData(keys, u, true);
    plusBars_->setData(keys, pp, true);
    minusBars_->setData(keys, pm, true);
    vectorRect_->axis(QCPAxis::atLeft)->rescale();
    pushRect_->axis(QCPAxis::atLeft)->setRange(0, std::max(0.05, std::max(plus_.maxCoeff(), minus_.maxCoeff()) * 1.05));
    chosenValue_->setData(QVector<double>{double(index_ + 1)}, QVector<double>{std::max(svd_->singularValues[index_], 1e-12)});
    const auto top = [&](const Eigen::VectorXd &p) {
        Eigen::Index k = 0;
        p.maxCoeff(&k);
        return tr("%1 (%2%)").arg(QString::fromStdString(m->vocabulary[std::size_t(k)])).arg(100.0 * p[k], 0, 'f', 0);
    };
    note_->setText(tr("s_%1 = %2; +w: %3, −w: %4").arg(index_ + 1).arg(svd_->singularValues[index_], 0, 'f', 2)
                       .arg(top(plus_), top(minus_)));
    units_->setEnabled(true);
}

void SoftmaxSvdView::selectVectorUnits()
{
    const folkrnn::Model *m = model();
    if (!svd_ || !m)
        return;
    const Eigen::VectorXd w = svd_->unitVectors.col(index_).cwiseAbs();
    std::vector<int> units(std::size_t(w.size()));
    std::iota(units.begin(), units.end(), 0);
    std::stable_sort(units.begin(), units.end(), [&](int a, int b) { return w[a] > w[b]; });
    SelectionState state = selection()->state();
    state.layer = m->numLayers() - 1;
    state.units = QList<int>(units.begin(), units.begin() + std::min<std::ptrdiff_t>(10, std::ptrdiff_t(units.size())));
    selection()->setState(state);
}

void SoftmaxSvdView::placeMarks()
{
    const int token = selection()->token();
    const bool on = svd_ && token >= 0 && token < order_.size();
    for (QCPItemStraightLine *m : {vectorMark_, pushMark_})
        placeVerticalLine(m, on ? order_.rowOfToken(token) : 0, on);
}

void SoftmaxSvdView::selectionChanged(SelectionChange what)
{
    if (what & SelectionField::Token) {
        placeMarks();
        replotCursor();
    }
}

void SoftmaxSvdView::clicked(QPoint pos, Qt::KeyboardModifiers)
{
    if (!svd_)
        return;
    if (valuesRect_->rect().contains(pos)) {
        const int i = int(std::lround(valuesRect_->axis(QCPAxis::atBottom)->pixelToCoord(pos.x()))) - 1;
        if (i >= 0 && i < svd_->singularValues.size())
            setVectorIndex(i);
        return;
    }
    for (QCPAxisRect *rect : {vectorRect_, pushRect_}) {
        if (!rect->rect().contains(pos))
            continue;
        const int row = int(std::lround(rect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x())));
        if (row >= 0 && row < order_.size())
            selection()->setToken(order_.tokenAtRow(row));
    }
}

bool SoftmaxSvdView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    csv.row({QStringLiteral("token"), QStringLiteral("u_%1").arg(index_ + 1), QStringLiteral("p_plus"),
             QStringLiteral("p_minus"), QStringLiteral("singular_value_index"), QStringLiteral("singular_value")});
    const folkrnn::Model *m = model();
    const int V = svd_ ? order_.size() : 0;
    const int r = svd_ ? int(svd_->singularValues.size()) : 0;
    for (int row = 0; row < std::max(V, r); ++row) {
        QStringList fields;
        if (row < V) {
            const int k = order_.tokenAtRow(row);
            fields << QString::fromStdString(m->vocabulary[std::size_t(k)]) << csvNumber(svd_->tokenVectors(k, index_))
                   << csvNumber(plus_[k]) << csvNumber(minus_[k]);
        } else {
            fields << QString() << QString() << QString() << QString();
        }
        if (row < r)
            fields << QString::number(row + 1) << csvNumber(svd_->singularValues[row]);
        csv.row(fields);
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

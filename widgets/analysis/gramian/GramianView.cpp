#include "widgets/analysis/gramian/GramianView.h"

#include "core/abc/TokenCategory.h"
#include "core/analysis/WeightAnalysisCache.h"
#include "widgets/colormap/ColorMaps.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/PlotStyle.h"
#include "widgets/selection/Selection.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <cmath>
#include <numeric>

namespace folkrnn::widgets {

using folkrnn::analysis::WeightChoice;
using folkrnn::analysis::WeightKind;

namespace {
// Combo data: kind * 1000 + layer * 10 + gate.
int encode(const WeightChoice &c) { return int(c.kind) * 1000 + c.layer * 10 + int(c.gate); }
WeightChoice decode(int v) { return {WeightKind(v / 1000), (v % 1000) / 10, Gate(v % 10)}; }
} // namespace

GramianView::GramianView(QWidget *parent)
    : WeightPlotView(parent), matrix_(new QComboBox(this)), sorted_(new QCheckBox(tr("sort by row &variance"), this)),
      list_(new QListWidget(this))
{
    auto *controls = new QWidget(this);
    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(4, 2, 4, 2);
    auto *label = new QLabel(tr("&Matrix"), controls);
    label->setBuddy(matrix_);
    row->addWidget(label);
    row->addWidget(matrix_);
    row->addWidget(sorted_);
    row->addStretch(1);
    addToolRow(controls);
    list_->setMaximumHeight(130);
    static_cast<QVBoxLayout *>(layout())->addWidget(list_);
    connect(matrix_, &QComboBox::activated, this, [this] { setChoice(decode(matrix_->currentData().toInt())); });
    connect(sorted_, &QCheckBox::toggled, this, [this] {
        recompute();
        replotAll();
    });
    connect(list_, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        selectItems(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
    });
    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        selectItems(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
    });

    QCustomPlot *p = plot();
    map_ = new QCPColorMap(p->xAxis, p->yAxis);
    map_->setInterpolate(false);
    map_->setTightBoundary(false);
    scale_ = new QCPColorScale(p);
    scale_->setType(QCPAxis::atRight);
    scale_->setBarWidth(10);
    scale_->axis()->setLabel(tr("cosine"));
    p->plotLayout()->addElement(0, 1, scale_);
    map_->setColorScale(scale_);
    scale_->setGradient(blueWhiteRedGradient());
    scale_->setDataRange(QCPRange(-1, 1));
    xTicker_.reset(new StrideLabelTicker(p->xAxis));
    yTicker_.reset(new StrideLabelTicker(p->yAxis));
    p->xAxis->setTicker(xTicker_);
    p->yAxis->setTicker(yTicker_);
    p->xAxis->setTickLabelRotation(-90);
    p->yAxis->setRangeReversed(true);
    for (QCPAxis *a : {p->xAxis, p->yAxis}) {
        a->setSubTicks(false);
        a->grid()->setVisible(false);
    }
    applyPlotPalette(p, palette());
    p->setToolTip(tr("Cosines between the columns of the chosen matrix (each normalised): red, the same "
                     "direction; blue, opposite. Click a cell to select its two units (or its token)."));
    weightsChanged();
}

QString GramianView::title() const { return tr("Gramian of a weight matrix"); }

void GramianView::fillChoices()
{
    const QSignalBlocker block(matrix_);
    matrix_->clear();
    const folkrnn::Model *m = model();
    if (!m)
        return;
    matrix_->addItem(tr("softmax W (units of layer %1)").arg(m->numLayers()), encode({WeightKind::Softmax, 0, Gate::Input}));
    for (int l = 0; l < m->numLayers(); ++l)
        for (WeightKind kind : {WeightKind::Input, WeightKind::Recurrent})
            for (Gate g : kGates) {
                const WeightChoice c{kind, l, g};
                matrix_->addItem(QString::fromStdString(folkrnn::analysis::describe(c)), encode(c));
            }
    const int index = matrix_->findData(encode(choice_));
    matrix_->setCurrentIndex(index >= 0 ? index : 0);
    choice_ = decode(matrix_->currentData().toInt());
}

void GramianView::setChoice(const WeightChoice &choice)
{
    choice_ = choice;
    const QSignalBlocker block(matrix_);
    const int index = matrix_->findData(encode(choice));
    if (index >= 0)
        matrix_->setCurrentIndex(index);
    recompute();
    replotAll();
}

void GramianView::setSortedByVariance(bool sorted) { sorted_->setChecked(sorted); }

void GramianView::weightsChanged()
{
    fillChoices();
    recompute();
    replotAll();
}

int GramianView::itemLayer() const
{
    const folkrnn::Model *m = model();
    if (!m)
        return -1;
    switch (choice_.kind) {
    case WeightKind::Softmax:
        return m->numLayers() - 1;
    case WeightKind::Recurrent:
        return choice_.layer;
    case WeightKind::Input:
        return choice_.layer - 1; // -1 for the first layer: tokens (or embedding dimensions)
    }
    return -1;
}

QString GramianView::itemName(int item) const
{
    const folkrnn::Model *m = model();
    if (m && folkrnn::analysis::itemsAreTokens(*m, choice_))
        return QString::fromStdString(m->vocabulary[std::size_t(item)]);
    return QString::number(item);
}

void GramianView::recompute()
{
    QCPColorMapData *data = map_->data();
    list_->clear();
    folkrnn::analysis::WeightAnalysisCache *cache = weightAnalyses();
    if (!cache) {
        data->clear();
        gram_.reset();
        order_.clear();
        pairs_ = {};
        return;
    }
    const folkrnn::Model &m = *cache->model();
    gram_ = cache->gramian(choice_);
    const int n = int(gram_->rows());
    if (sorted_->isChecked()) {
        order_ = folkrnn::analysis::orderByRowVariance(*gram_);
    } else if (folkrnn::analysis::itemsAreTokens(m, choice_)) {
        order_ = folkrnn::displayOrder(m.vocabulary);
    } else {
        order_.resize(std::size_t(n));
        std::iota(order_.begin(), order_.end(), 0);
    }
    data->setSize(n, n);
    data->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            data->setCell(i, j, (*gram_)(order_[std::size_t(i)], order_[std::size_t(j)]));
    QVector<QString> labels;
    for (int item : order_)
        labels << itemName(item);
    xTicker_->setLabels(labels);
    yTicker_->setLabels(labels);
    plot()->xAxis->setRange(-0.5, n - 0.5);
    plot()->yAxis->setRange(-0.5, n - 0.5);

    pairs_ = folkrnn::analysis::extremePairs(*gram_, 10);
    const auto addPairs = [&](const std::vector<folkrnn::analysis::ItemPair> &pairs, const QString &kind) {
        for (const auto &pr : pairs) {
            auto *item = new QListWidgetItem(
                tr("%1  %2 %3 and %4").arg(pr.cosine, 7, 'f', 4).arg(kind, itemName(pr.a), itemName(pr.b)), list_);
            item->setData(Qt::UserRole, pr.a);
            item->setData(Qt::UserRole + 1, pr.b);
        }
    };
    addPairs(pairs_.alike, tr("alike:"));
    addPairs(pairs_.opposed, tr("opposed:"));
}

void GramianView::selectItems(int a, int b)
{
    const folkrnn::Model *m = model();
    if (!m)
        return;
    const int layer = itemLayer();
    if (layer < 0) {
        if (folkrnn::analysis::itemsAreTokens(*m, choice_))
            selection()->setToken(a);
        return;
    }
    SelectionState state = selection()->state();
    state.layer = layer;
    state.units = a == b ? QList<int>{a} : QList<int>{a, b};
    selection()->setState(state);
}

void GramianView::clicked(QPoint pos, Qt::KeyboardModifiers)
{
    if (!gram_ || !plot()->axisRect()->rect().contains(pos))
        return;
    const int i = int(std::lround(plot()->xAxis->pixelToCoord(pos.x())));
    const int j = int(std::lround(plot()->yAxis->pixelToCoord(pos.y())));
    const int n = int(order_.size());
    if (i >= 0 && i < n && j >= 0 && j < n)
        selectItems(order_[std::size_t(i)], order_[std::size_t(j)]);
}

bool GramianView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    QStringList header{QStringLiteral("item")};
    for (int item : order_)
        header << itemName(item);
    csv.row(header);
    for (int a : order_) {
        QStringList row{itemName(a)};
        for (int b : order_)
            row << csvNumber((*gram_)(a, b));
        csv.row(row);
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

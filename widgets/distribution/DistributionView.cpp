#include "widgets/distribution/DistributionView.h"

#include "core/sim/Run.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/PlotStyle.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace folkrnn::widgets {

DistributionView::DistributionView(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *p = plot();
    p->yAxis->setLabel(tr("p"));
    p->yAxis->setRange(0, 1);
    p->xAxis2->setVisible(true);
    p->xAxis2->setTickLength(0, 0);
    p->xAxis2->setSubTicks(false);
    p->xAxis->grid()->setVisible(false);
    p->xAxis->setSubTicks(false);
    p->xAxis->setTickLabelRotation(-90);
    tokenTicker_.reset(new StrideLabelTicker(p->xAxis));
    groupTicker_.reset(new SparseLabelTicker(p->xAxis2));
    p->xAxis->setTicker(tokenTicker_);
    p->xAxis2->setTicker(groupTicker_);

    bars_ = new QCPBars(p->xAxis, p->yAxis);
    chosen_ = new QCPBars(p->xAxis, p->yAxis);
    selected_ = new QCPBars(p->xAxis, p->yAxis);
    for (QCPBars *b : {bars_, chosen_, selected_}) {
        b->setWidth(0.8);
        b->setSelectable(QCP::stNone);
    }
    bars_->setName(tr("p"));
    chosen_->setName(tr("token taken"));
    selected_->setName(tr("selected token"));
    for (int k = 0; k < labelled_; ++k) {
        auto *label = new QCPItemText(p);
        label->setPositionAlignment(Qt::AlignBottom | Qt::AlignHCenter);
        label->setClipToAxisRect(true);
        label->setSelectable(false);
        topLabels_ << label;
    }
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("Probability of each token (display order) at the selected step. Red: the token taken; "
                     "outlined: the selected token. Click a bar to select its token."));
    runChanged();
}

QString DistributionView::title() const { return tr("Distribution at step"); }

void DistributionView::paletteUpdated()
{
    const QPalette pal = palette();
    QColor bar = pal.color(QPalette::Highlight);
    bars_->setPen(Qt::NoPen);
    bars_->setBrush(bar);
    chosen_->setPen(Qt::NoPen);
    chosen_->setBrush(markerColor());
    selected_->setPen(QPen(cursorColor(pal), 1.5));
    selected_->setBrush(Qt::NoBrush);
    plot()->xAxis->setTickLabelFont(tickFont(font()));
    plot()->xAxis2->setTickLabelFont(titleFont(font()));
    for (QCPItemText *t : topLabels_) {
        t->setColor(pal.color(QPalette::Text));
        t->setFont(tickFont(font()));
    }
    QColor line = pal.color(QPalette::Mid);
    for (QCPItemStraightLine *l : groupLines_)
        l->setPen(QPen(line, 1, Qt::DashLine));
}

void DistributionView::setLabelledCount(int count)
{
    count = std::max(0, count);
    while (topLabels_.size() > count)
        plot()->removeItem(topLabels_.takeLast());
    while (topLabels_.size() < count) {
        auto *label = new QCPItemText(plot());
        label->setPositionAlignment(Qt::AlignBottom | Qt::AlignHCenter);
        label->setClipToAxisRect(true);
        label->setSelectable(false);
        topLabels_ << label;
    }
    labelled_ = count;
    paletteUpdated();
    showStep();
    replotAll();
}

void DistributionView::rebuildTokenAxis()
{
    const Run *r = run();
    order_ = r ? TokenOrder(r->sharedVocabulary()) : TokenOrder();
    tokenTicker_->setLabels(r ? order_.rowLabels() : QVector<QString>{});
    for (QCPItemStraightLine *l : groupLines_)
        plot()->removeItem(l);
    groupLines_.clear();
    QVector<double> centres;
    QVector<QString> names;
    for (const TokenOrder::Group &g : order_.groups()) {
        centres << g.centre();
        names << categoryTitle(g.category);
        if (g.firstRow > 0) {
            auto *line = new QCPItemStraightLine(plot());
            line->point1->setCoords(g.firstRow - 0.5, 0);
            line->point2->setCoords(g.firstRow - 0.5, 1);
            line->setSelectable(false);
            groupLines_ << line;
        }
    }
    groupTicker_->setLabels(centres, names);
    const double right = std::max(order_.size(), 1) - 0.5;
    plot()->xAxis->setRange(-0.5, right);
    plot()->xAxis2->setRange(-0.5, right);
    paletteUpdated();
}

void DistributionView::showStep()
{
    const Run *r = run();
    const int step = selection()->step();
    const bool valid = r && step >= 0 && step < r->steps();
    shownStep_ = valid ? step : -1;
    const int V = order_.size();
    QVector<double> keys(V), values(V, 0.0);
    for (int row = 0; row < V; ++row) {
        keys[row] = row;
        if (valid)
            values[row] = std::exp(r->logProbs(step)[order_.tokenAtRow(row)]);
    }
    bars_->setData(keys, values, true);
    const int chosenToken = valid ? r->token(step) : -1;
    const int selectedToken = selection()->token();
    const auto single = [&](QCPBars *b, int token) {
        if (!valid || token < 0 || token >= V) {
            b->data()->clear();
            return;
        }
        const int row = order_.rowOfToken(token);
        b->setData({double(row)}, {values[row]}, true);
    };
    single(chosen_, chosenToken);
    single(selected_, selectedToken);

    std::vector<int> rows(static_cast<std::size_t>(V));
    std::iota(rows.begin(), rows.end(), 0);
    const int n = std::min<int>(static_cast<int>(topLabels_.size()), V);
    std::partial_sort(rows.begin(), rows.begin() + n, rows.end(), [&](int a, int b) { return values[a] > values[b]; });
    const double top = valid && V > 0 ? values[rows.front()] : 1.0;
    plot()->yAxis->setRange(0, std::max(0.05, top * 1.2));
    for (int k = 0; k < topLabels_.size(); ++k) {
        QCPItemText *label = topLabels_[k];
        label->setVisible(valid && k < n && values[rows[k]] > 0.005);
        if (!label->visible())
            continue;
        const int row = rows[static_cast<std::size_t>(k)];
        label->position->setCoords(row, values[row]);
        label->setText(QString::fromStdString(r->tokenText(order_.tokenAtRow(row))));
    }
    plot()->yAxis->setLabel(valid ? tr("p at step %1").arg(step) : tr("p"));
}

void DistributionView::runChanged()
{
    const Run *r = run();
    if (!r || !order_.sameVocabulary(r->sharedVocabulary())) {
        rebuildTokenAxis();
    } else if (shownStep_ >= 0 && shownStep_ == selection()->step() && shownStep_ < keptSteps()) {
        // The step drawn is one the run kept (a step appended after it): nothing on screen
        // changes, and a replot costs ~0.6 ms.
        return;
    }
    showStep();
    replotAll();
}

void DistributionView::selectionChanged(SelectionChange what)
{
    if (what & (SelectionField::Step | SelectionField::Token)) {
        showStep();
        replotAll();
    }
}

void DistributionView::clicked(QPoint pos, Qt::KeyboardModifiers)
{
    if (!run() || !plot()->axisRect()->rect().contains(pos))
        return;
    const int row = int(std::lround(plot()->xAxis->pixelToCoord(pos.x())));
    if (row >= 0 && row < order_.size())
        selection()->setToken(order_.tokenAtRow(row));
}

QVector<double> DistributionView::shownProbabilities() const
{
    QVector<double> out;
    for (auto it = bars_->data()->constBegin(); it != bars_->data()->constEnd(); ++it)
        out << it->value;
    return out;
}

bool DistributionView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    csv.row({QStringLiteral("step"), QStringLiteral("token"), QStringLiteral("p"), QStringLiteral("taken")});
    const Run *r = run();
    const QVector<double> p = shownProbabilities();
    for (int row = 0; r && shownStep_ >= 0 && row < order_.size(); ++row) {
        const int token = order_.tokenAtRow(row);
        csv.row({QString::number(shownStep_), QString::fromStdString(r->tokenText(token)), csvNumber(p[row]),
                 r->token(shownStep_) == token ? QStringLiteral("1") : QStringLiteral("0")});
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

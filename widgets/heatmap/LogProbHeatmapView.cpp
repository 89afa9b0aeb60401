#include "widgets/heatmap/LogProbHeatmapView.h"

#include "core/sim/Run.h"
#include "widgets/colormap/ColorMaps.h"
#include "widgets/colormap/StepColorMap.h"
#include "widgets/colormap/StepColorMapData.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/PlotStyle.h"
#include "widgets/common/StepCurve.h"

#include <qcustomplot.h>

#include <cmath>

namespace folkrnn::widgets {

namespace {
constexpr double kLn10 = 2.302585092994045684;
}

LogProbHeatmapView::LogProbHeatmapView(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *p = plot();
    QCPAxisRect *rect = p->axisRect();
    p->xAxis->setLabel(tr("step"));
    p->yAxis2->setVisible(true);
    p->yAxis2->setTicks(true);
    p->yAxis2->setTickLength(0, 0);
    p->yAxis2->setSubTicks(false);
    p->yAxis->setSubTicks(false);
    p->yAxis->setTickLength(0, 3);
    p->xAxis->grid()->setVisible(false);
    p->yAxis->grid()->setVisible(false);
    p->yAxis2->grid()->setVisible(false);
    tokenTicker_.reset(new StrideLabelTicker(p->yAxis));
    groupTicker_.reset(new SparseLabelTicker(p->yAxis2));
    p->yAxis->setTicker(tokenTicker_);
    p->yAxis2->setTicker(groupTicker_);
    QSharedPointer<QCPAxisTickerFixed> stepTicker(new QCPAxisTickerFixed);
    stepTicker->setTickStep(1.0);
    stepTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    p->xAxis->setTicker(stepTicker);

    map_ = new StepColorMap(p->xAxis, p->yAxis);
    map_->setTightBoundary(false);
    scale_ = new QCPColorScale(p);
    scale_->setType(QCPAxis::atRight);
    scale_->setBarWidth(10);
    scale_->axis()->setLabel(tr("log₁₀ p"));
    p->plotLayout()->addElement(0, 1, scale_);
    map_->setColorScale(scale_);
    scale_->setGradient(viridisGradient());
    scale_->setDataRange(QCPRange(floor_, 0.0));
    auto *group = new QCPMarginGroup(p);
    rect->setMarginGroup(QCP::MarginSides(QCP::msTop) | QCP::msBottom, group);
    scale_->setMarginGroup(QCP::MarginSides(QCP::msTop) | QCP::msBottom, group);

    chosen_ = p->addGraph(p->xAxis, p->yAxis);
    chosen_->setLineStyle(QCPGraph::lsNone);
    chosen_->setName(tr("chosen token"));
    // One dot per step (hundreds) repaints with every step the run gains: a path per dot was
    // most of the view's repaint, so on screen each dot is one bitmap drawn once; figures
    // (render()) get vector circles.
    useFigureStyle(false);

    stepCursor_ = new QCPItemRect(p);
    tokenCursor_ = new QCPItemRect(p);
    for (QCPItemRect *r : {stepCursor_, tokenCursor_}) {
        r->setLayer(cursorLayer());
        r->setClipToAxisRect(true);
        r->setBrush(Qt::NoBrush);
        r->setSelectable(false);
    }
    chosen_->setSelectable(QCP::stNone);
    linkStepAxis(rect);
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("log₁₀ probability of each token (rows, grouped by category) at each step (columns). "
                     "Dots: the token taken. Click a cell to select its step and token; drag or wheel to "
                     "pan and zoom the steps; double-click to show all steps."));
    runChanged();
}

QString LogProbHeatmapView::title() const { return tr("Log-probabilities"); }

namespace {
// White dots ringed in black read on both ends of viridis.
QCPScatterStyle chosenDot() { return QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.0), QBrush(Qt::white), 5); }

QPixmap chosenDotPixmap()
{
    const int side = 7; // the 5-pixel circle and its 1-pixel ring
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QCPPainter painter(&pixmap);
    painter.setAntialiasing(true);
    const QCPScatterStyle dot = chosenDot();
    dot.applyTo(&painter, dot.pen());
    dot.drawShape(&painter, side / 2.0, side / 2.0);
    return pixmap;
}
} // namespace

void LogProbHeatmapView::useFigureStyle(bool figure)
{
    // QCustomPlot centres a pixmap symbol by its size in device pixels, which is right at a
    // device pixel ratio of 1 only; high-DPI screens keep the vector dots.
    const bool bitmap = !figure && devicePixelRatioF() == 1.0;
    chosen_->setScatterStyle(bitmap ? QCPScatterStyle(chosenDotPixmap()) : chosenDot());
}

void LogProbHeatmapView::paletteUpdated()
{
    // The cursor sits on the colour map, not on the background: white with a light veil shows
    // on dark purple and on yellow alike.
    stepCursor_->setPen(QPen(Qt::white, 1.5));
    stepCursor_->setBrush(QColor(255, 255, 255, 56));
    tokenCursor_->setPen(QPen(markerColor(), 2.0));
    plot()->yAxis->setTickLabelFont(tickFont(font()));
    plot()->yAxis2->setTickLabelFont(titleFont(font()));
    plot()->xAxis->setTickLabelFont(tickFont(font()));
    QColor line = palette().color(QPalette::Base);
    line.setAlpha(200);
    for (QCPItemStraightLine *l : groupLines_)
        l->setPen(QPen(line, 1));
}

void LogProbHeatmapView::setFloor(double floor)
{
    if (!(floor < 0.0) || floor == floor_)
        return;
    floor_ = floor;
    scale_->setDataRange(QCPRange(floor_, 0.0));
    fillMap();
    replotAll();
}

double LogProbHeatmapView::cellValue(int step, int token) const
{
    return std::max(floor_, run()->logProbs(step)[token] / kLn10);
}

void LogProbHeatmapView::rebuildTokenAxis()
{
    const Run *r = run();
    order_ = r ? TokenOrder(r->sharedVocabulary()) : TokenOrder();
    tokenTicker_->setLabels(r ? order_.rowLabels() : QVector<QString>{});
    QVector<double> centres;
    QVector<QString> names;
    for (QCPItemStraightLine *l : groupLines_)
        plot()->removeItem(l);
    groupLines_.clear();
    for (const TokenOrder::Group &g : order_.groups()) {
        centres << g.centre();
        names << categoryTitle(g.category);
        if (g.firstRow > 0) {
            auto *line = new QCPItemStraightLine(plot());
            line->point1->setCoords(0, g.firstRow - 0.5);
            line->point2->setCoords(1, g.firstRow - 0.5);
            line->setSelectable(false);
            groupLines_ << line;
        }
    }
    groupTicker_->setLabels(centres, names);
    const double top = std::max(order_.size(), 1) - 0.5;
    plot()->yAxis->setRange(-0.5, top);
    plot()->yAxis2->setRange(-0.5, top);
    paletteUpdated();
}

void LogProbHeatmapView::fillMap(int from)
{
    const Run *r = run();
    const int T = r ? r->steps() : 0;
    const int V = order_.size();
    StepColorMapData *data = map_->stepData();
    if (T == 0 || V == 0) {
        data->clear();
        chosen_->data()->clear();
        return;
    }
    // The columns of the steps the run kept stay: a step more fills one column.
    from = std::clamp(from, 0, std::min(T, data->valueSize() == V ? data->keySize() : 0));
    data->resizeKeepingColumns(T, V);
    data->setRange(QCPRange(0, T - 1), QCPRange(0, V - 1));
    const auto lp = r->logProbMatrix();
    data->fillColumns(from, [&](int t, int row) { return std::max(floor_, lp(t, order_.tokenAtRow(row)) / kLn10); });
    // QCustomPlot spans a one-cell map over its key range (no half-cell margin): give it one step.
    if (T == 1)
        data->setKeyRange(QCPRange(-0.5, 0.5));
    QVector<double> rows;
    for (int t = from; t < T; ++t)
        rows << order_.rowOfToken(r->token(t));
    setStepCurveFrom(chosen_, from, rows);
}

void LogProbHeatmapView::runChanged()
{
    const Run *r = run();
    int kept = keptSteps();
    if (!r || !order_.sameVocabulary(r->sharedVocabulary())) {
        rebuildTokenAxis();
        kept = 0;
    }
    fillMap(kept);
    applyStepRange();
    placeCursor();
    replotAll();
}

void LogProbHeatmapView::placeCursor()
{
    const Run *r = run();
    const int step = selection()->step();
    const bool onStep = r && step >= 0 && step < r->steps();
    stepCursor_->setVisible(onStep);
    if (onStep) {
        stepCursor_->topLeft->setCoords(step - 0.5, order_.size() - 0.5);
        stepCursor_->bottomRight->setCoords(step + 0.5, -0.5);
    }
    const int token = selection()->token();
    const bool onToken = onStep && token >= 0 && token < order_.size();
    tokenCursor_->setVisible(onToken);
    if (onToken) {
        const int row = order_.rowOfToken(token);
        tokenCursor_->topLeft->setCoords(step - 0.5, row + 0.5);
        tokenCursor_->bottomRight->setCoords(step + 0.5, row - 0.5);
    }
}

void LogProbHeatmapView::selectionChanged(SelectionChange what)
{
    if (what & SelectionField::StepRange) {
        applyStepRange();
        placeCursor();
        replotAll();
    } else if (what & (SelectionField::Step | SelectionField::Token)) {
        placeCursor();
        replotCursor();
    }
}

void LogProbHeatmapView::clicked(QPoint pos, Qt::KeyboardModifiers)
{
    const Run *r = run();
    if (!r || r->steps() == 0 || !plot()->axisRect()->rect().contains(pos))
        return;
    const int step = int(std::lround(plot()->xAxis->pixelToCoord(pos.x())));
    const int row = int(std::lround(plot()->yAxis->pixelToCoord(pos.y())));
    if (step < 0 || step >= r->steps() || row < 0 || row >= order_.size())
        return;
    selection()->setStepAndToken(step, order_.tokenAtRow(row));
}

int LogProbHeatmapView::shownStep() const
{
    if (!stepCursor_->visible())
        return -1;
    return int(std::lround(0.5 * (stepCursor_->topLeft->coords().x() + stepCursor_->bottomRight->coords().x())));
}

bool LogProbHeatmapView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    const Run *r = run();
    QStringList header{QStringLiteral("step"), QStringLiteral("token")};
    header += order_.rowLabels();
    csv.row(header);
    for (int t = 0; r && t < r->steps(); ++t) {
        QStringList row{QString::number(t), QString::fromStdString(r->tokenText(r->token(t)))};
        for (int k = 0; k < order_.size(); ++k)
            row << csvNumber(r->logProbs(t)[order_.tokenAtRow(k)] / kLn10);
        csv.row(row);
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

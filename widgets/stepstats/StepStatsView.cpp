#include "widgets/stepstats/StepStatsView.h"

#include "core/analysis/StepEntropy.h"
#include "core/sim/Run.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/PlotStyle.h"
#include "widgets/common/StepCurve.h"

#include <qcustomplot.h>

#include <cmath>

namespace folkrnn::widgets {

namespace {
constexpr double kLn10 = 2.302585092994045684;

QCPItemStraightLine *makeCursor(QCustomPlot *plot, QCPAxisRect *rect, QCPLayer *layer)
{
    auto *line = new QCPItemStraightLine(plot);
    line->setClipAxisRect(rect);
    line->point1->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    line->point2->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    line->setLayer(layer);
    line->setSelectable(false);
    return line;
}
} // namespace

StepStatsView::StepStatsView(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *p = plot();
    entropyRect_ = p->axisRect();
    chosenRect_ = new QCPAxisRect(p);
    p->plotLayout()->addElement(1, 0, chosenRect_);
    auto *group = new QCPMarginGroup(p);
    entropyRect_->setMarginGroup(QCP::MarginSides(QCP::msLeft) | QCP::msRight, group);
    chosenRect_->setMarginGroup(QCP::MarginSides(QCP::msLeft) | QCP::msRight, group);
    // The upper rect shows no step labels: the lower one names the tokens for both.
    entropyRect_->axis(QCPAxis::atBottom)->setTickLabels(false);
    entropyRect_->setAutoMargins(QCP::MarginSides(QCP::msLeft) | QCP::msRight | QCP::msTop);
    entropyRect_->setMargins(QMargins(0, 0, 0, 4));
    // Labelled after each layout, when the rects' heights are known (on screen and in figures).
    connect(p, &QCustomPlot::afterLayout, this, &StepStatsView::fitAxisLabels);
    stepTicker_ = installStepTokenAxis(chosenRect_->axis(QCPAxis::atBottom));
    QSharedPointer<QCPAxisTickerFixed> fixed(new QCPAxisTickerFixed);
    fixed->setTickStep(1.0);
    fixed->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    entropyRect_->axis(QCPAxis::atBottom)->setTicker(fixed);
    entropyRect_->axis(QCPAxis::atBottom)->grid()->setVisible(false);

    entropyGraph_ = p->addGraph(entropyRect_->axis(QCPAxis::atBottom), entropyRect_->axis(QCPAxis::atLeft));
    chosenGraph_ = p->addGraph(chosenRect_->axis(QCPAxis::atBottom), chosenRect_->axis(QCPAxis::atLeft));
    entropyGraph_->setName(tr("entropy"));
    chosenGraph_->setName(tr("log₁₀ p of the token taken"));
    entropyCursor_ = makeCursor(p, entropyRect_, cursorLayer());
    chosenCursor_ = makeCursor(p, chosenRect_, cursorLayer());
    linkStepAxis(entropyRect_);
    linkStepAxis(chosenRect_);
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("Top: entropy of the distribution at each step. Bottom: log₁₀ probability of the token "
                     "taken. Click to select a step."));
    runChanged();
}

QString StepStatsView::title() const { return tr("Entropy and surprise"); }

void StepStatsView::fitAxisLabels()
{
    struct Label {
        QCPAxisRect *rect;
        QString full, brief;
    };
    for (const Label &l : {Label{entropyRect_, tr("entropy (bits)"), tr("H (bits)")},
                           Label{chosenRect_, tr("log₁₀ p(taken)"), tr("log₁₀ p")}}) {
        QCPAxis *axis = l.rect->axis(QCPAxis::atLeft);
        const QString want =
            QFontMetrics(axis->labelFont()).horizontalAdvance(l.full) <= l.rect->height() ? l.full : l.brief;
        if (axis->label() != want)
            axis->setLabel(want);
    }
}

void StepStatsView::paletteUpdated()
{
    const QPalette pal = palette();
    entropyGraph_->setPen(QPen(pal.color(QPalette::Highlight), 1.5));
    chosenGraph_->setPen(QPen(markerColor(), 1.5));
    for (QCPItemStraightLine *c : {entropyCursor_, chosenCursor_})
        c->setPen(QPen(cursorColor(pal), 1.0));
    chosenRect_->axis(QCPAxis::atBottom)->setTickLabelFont(tickFont(font()));
    for (QCPAxisRect *r : {entropyRect_, chosenRect_}) {
        r->axis(QCPAxis::atLeft)->setLabelFont(titleFont(font()));
        r->axis(QCPAxis::atLeft)->setTickLabelFont(tickFont(font()));
    }
}

void StepStatsView::runChanged()
{
    const Run *r = run();
    const int T = r ? r->steps() : 0;
    // Steps the run kept are not recomputed: growing by one step costs one entropy.
    const int kept = std::min(keptSteps(), static_cast<int>(entropy_.size()));
    entropy_.resize(static_cast<std::size_t>(kept));
    chosen_.resize(static_cast<std::size_t>(kept));
    QVector<double> h, chosen;
    for (int t = kept; t < T; ++t) {
        entropy_.push_back(stepEntropyBits(*r, t));
        chosen_.push_back(r->chosenLogProb(t) / kLn10);
        h << entropy_.back();
        chosen << chosen_.back();
    }
    setStepCurveFrom(entropyGraph_, kept, h);
    setStepCurveFrom(chosenGraph_, kept, chosen);
    double maxH = 1.0, minChosen = -1.0;
    for (std::size_t t = 0; t < entropy_.size(); ++t) {
        maxH = std::max(maxH, entropy_[t]);
        if (std::isfinite(chosen_[t]))
            minChosen = std::min(minChosen, chosen_[t]);
    }
    entropyRect_->axis(QCPAxis::atLeft)->setRange(0, maxH * 1.08);
    chosenRect_->axis(QCPAxis::atLeft)->setRange(std::floor(minChosen) - 0.2, 0.2);
    updateStepTokenLabels(*stepTicker_, r, kept);
    applyStepRange();
    placeCursor();
    replotAll();
}

void StepStatsView::placeCursor()
{
    chosenGraph_->setScatterStyle(roomForStepMarkers() ? QCPScatterStyle(QCPScatterStyle::ssDisc, 3)
                                                       : QCPScatterStyle(QCPScatterStyle::ssNone));
    const Run *r = run();
    const int step = selection()->step();
    const bool on = r && step >= 0 && step < r->steps();
    for (QCPItemStraightLine *c : {entropyCursor_, chosenCursor_}) {
        c->setVisible(on);
        c->point1->setCoords(step, 0);
        c->point2->setCoords(step, 1);
    }
}

void StepStatsView::selectionChanged(SelectionChange what)
{
    if (what & SelectionField::StepRange) {
        applyStepRange();
        placeCursor();
        replotAll();
    } else if (what & SelectionField::Step) {
        placeCursor();
        replotCursor();
    }
}

void StepStatsView::clicked(QPoint pos, Qt::KeyboardModifiers)
{
    const Run *r = run();
    if (!r)
        return;
    for (QCPAxisRect *rect : {entropyRect_, chosenRect_}) {
        if (!rect->rect().contains(pos))
            continue;
        const int step = int(std::lround(rect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x())));
        if (step >= 0 && step < r->steps())
            selection()->setStep(step);
    }
}

int StepStatsView::shownStep() const
{
    return entropyCursor_->visible() ? int(std::lround(entropyCursor_->point1->coords().x())) : -1;
}

bool StepStatsView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    csv.row({QStringLiteral("step"), QStringLiteral("token"), QStringLiteral("entropy_bits"),
             QStringLiteral("log10_p_taken")});
    const Run *r = run();
    for (int t = 0; r && t < r->steps(); ++t)
        csv.row({QString::number(t), QString::fromStdString(r->tokenText(r->token(t))),
                 csvNumber(entropy_[static_cast<std::size_t>(t)]), csvNumber(r->chosenLogProb(t) / kLn10)});
    return csv.finish();
}

} // namespace folkrnn::widgets

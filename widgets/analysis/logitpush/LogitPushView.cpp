#include "widgets/analysis/logitpush/LogitPushView.h"

#include "core/analysis/LogitPush.h"
#include "core/analysis/WeightAnalysisCache.h"
#include "core/sim/Run.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/PlotStyle.h"
#include "widgets/selection/Selection.h"

#include <qcustomplot.h>

#include <QLabel>

#include <cmath>

namespace folkrnn::widgets {

namespace {
const double kFixed[] = {0.001, 0.05, 0.3, 0.9};
constexpr int kPoints = 241;
const QColor kColors[] = {QColor(0, 114, 178), QColor(0, 158, 115), QColor(230, 159, 0), QColor(204, 121, 167)};
} // namespace

LogitPushView::LogitPushView(QWidget *parent) : WeightPlotView(parent), note_(new QLabel(this))
{
    note_->setTextFormat(Qt::PlainText);
    note_->setWordWrap(true);
    note_->setContentsMargins(6, 2, 6, 2);
    addToolRow(note_);
    QCustomPlot *p = plot();
    alphaRect_ = p->axisRect();
    deltaRect_ = new QCPAxisRect(p);
    p->plotLayout()->addElement(0, 1, deltaRect_);
    alphaRect_->axis(QCPAxis::atBottom)->setLabel(tr("δ (change of the token's logit)"));
    alphaRect_->axis(QCPAxis::atLeft)->setLabel(tr("α (factor on its probability)"));
    alphaRect_->axis(QCPAxis::atLeft)->setScaleType(QCPAxis::stLogarithmic);
    alphaRect_->axis(QCPAxis::atLeft)->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    alphaRect_->axis(QCPAxis::atBottom)->setRange(-6, 6);
    deltaRect_->axis(QCPAxis::atBottom)->setLabel(tr("α"));
    deltaRect_->axis(QCPAxis::atLeft)->setLabel(tr("δ needed"));
    deltaRect_->axis(QCPAxis::atBottom)->setScaleType(QCPAxis::stLogarithmic);
    deltaRect_->axis(QCPAxis::atBottom)->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    auto *legend = new QCPLegend;
    alphaRect_->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignLeft);
    legend->setLayer(QStringLiteral("legend"));
    for (int k = 0; k < 5; ++k) {
        QCPGraph *a = p->addGraph(alphaRect_->axis(QCPAxis::atBottom), alphaRect_->axis(QCPAxis::atLeft));
        QCPGraph *d = p->addGraph(deltaRect_->axis(QCPAxis::atBottom), deltaRect_->axis(QCPAxis::atLeft));
        a->addToLegend(legend);
        alphaCurves_ << a;
        deltaCurves_ << d;
    }
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("How much a change δ of one token's pre-softmax value multiplies its probability p (left), "
                     "and the change needed for a given factor (right), for several p; dashed: the selected "
                     "token at the selected step."));
    redraw();
}

QString LogitPushView::title() const { return tr("Pushing a logit"); }

void LogitPushView::paletteUpdated()
{
    for (int k = 0; k < 5; ++k) {
        const QPen pen = k < 4 ? QPen(kColors[k], 1.5) : QPen(markerColor(), 2.0, Qt::DashLine);
        alphaCurves_[k]->setPen(pen);
        deltaCurves_[k]->setPen(pen);
    }
}

void LogitPushView::weightsChanged() { redraw(); }
void LogitPushView::runChanged()
{
    // Only the selected step's probabilities are drawn: a step appended after it (Step Forward,
    // the selection left behind) changes nothing on screen, and a replot costs ~0.6 ms.
    if (drawnStep_ >= 0 && drawnStep_ == selection()->step() && drawnStep_ < keptSteps())
        return;
    redraw();
}

void LogitPushView::selectionChanged(SelectionChange what)
{
    if (what & (SelectionField::Step | SelectionField::Token | SelectionField::Units | SelectionField::Layer))
        redraw();
}

QString LogitPushView::note() const { return note_->text(); }

void LogitPushView::redraw()
{
    probs_ = QVector<double>(std::begin(kFixed), std::end(kFixed));
    const Run *r = run();
    const int step = selection()->step(), token = selection()->token();
    const bool haveToken = r && step >= 0 && step < r->steps() && token >= 0 && token < r->vocabSize();
    shownStep_ = haveToken ? step : -1;
    drawnStep_ = r && step >= 0 && step < r->steps() ? step : -1;
    double pSel = 0;
    QString text = tr("Select a token and a step to see its own curves.");
    if (haveToken) {
        pSel = std::exp(r->logProbs(step)[token]);
        probs_ << pSel;
        text = tr("“%1” at step %2: p = %3.").arg(QString::fromStdString(r->tokenText(token))).arg(step).arg(pSel, 0, 'g', 3);
        const folkrnn::Model *m = model();
        const QList<int> &units = selection()->units();
        if (m && !units.isEmpty() && selection()->layer() == m->numLayers() - 1 && units.front() < m->hiddenSize() &&
            m->vocabSize() == r->vocabSize()) {
            const int u = units.front();
            const double w = m->denseW(u, token);
            text += tr(" Unit %1 of the last layer at +1 moves its logit by %2: ×%3 (all else equal); at −1: ×%4.")
                        .arg(u)
                        .arg(w, 0, 'f', 2)
                        .arg(folkrnn::analysis::probabilityFactor(w, pSel), 0, 'g', 3)
                        .arg(folkrnn::analysis::probabilityFactor(-w, pSel), 0, 'g', 3);
        }
    }
    note_->setText(text);
    for (int k = 0; k < 5; ++k) {
        const bool on = k < probs_.size() && probs_[k] > 0.0 && probs_[k] < 1.0;
        alphaCurves_[k]->setVisible(on);
        deltaCurves_[k]->setVisible(on);
        alphaCurves_[k]->setName(k < 4 ? tr("p = %1").arg(kFixed[k]) : tr("selected: p = %1").arg(pSel, 0, 'g', 3));
        if (!on) {
            alphaCurves_[k]->data()->clear();
            deltaCurves_[k]->data()->clear();
            continue;
        }
        const double p = probs_[k];
        QVector<double> d(kPoints), a(kPoints), alphas(kPoints), deltas(kPoints);
        for (int j = 0; j < kPoints; ++j) {
            d[j] = -6.0 + 12.0 * j / (kPoints - 1);
            a[j] = folkrnn::analysis::probabilityFactor(d[j], p);
            // alpha from 1e-3 up to just below 1/p, evenly in log.
            const double top = std::log10(0.999 / p);
            alphas[j] = std::pow(10.0, -3.0 + (top + 3.0) * j / (kPoints - 1));
            deltas[j] = folkrnn::analysis::logitShift(alphas[j], p);
        }
        alphaCurves_[k]->setData(d, a, true);
        deltaCurves_[k]->setData(alphas, deltas, true);
    }
    alphaRect_->axis(QCPAxis::atLeft)->setRange(1e-3, 1e3);
    deltaRect_->axis(QCPAxis::atBottom)->setRange(1e-3, 1e3);
    deltaRect_->axis(QCPAxis::atLeft)->setRange(-7.5, 7.5);
    replotAll();
}

void LogitPushView::clicked(QPoint, Qt::KeyboardModifiers) {}

bool LogitPushView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    QStringList header{QStringLiteral("delta")};
    for (double p : probs_)
        header << QStringLiteral("alpha_p%1").arg(p);
    csv.row(header);
    for (int j = 0; j < kPoints; ++j) {
        const double d = -6.0 + 12.0 * j / (kPoints - 1);
        QStringList row{csvNumber(d)};
        for (double p : probs_)
            row << csvNumber(folkrnn::analysis::probabilityFactor(d, p));
        csv.row(row);
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

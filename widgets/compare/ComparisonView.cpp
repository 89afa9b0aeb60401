#include "widgets/compare/ComparisonView.h"

#include "core/sim/Run.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/PlotStyle.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace folkrnn::widgets {

namespace {
const QColor kDiffer(230, 80, 60, 90);
const QColor kFull(90, 170, 90);
const QColor kIrregular(220, 80, 60);
const QColor kUnchecked(160, 160, 160);
const QColor kBaselineInk(40, 90, 170);
const QColor kIntervenedInk(200, 110, 20);

QString tokenLabel(const folkrnn::Run &r, int t) { return QString::fromStdString(r.tokenText(r.token(t))); }
} // namespace

ComparisonView::ComparisonView(QWidget *parent) : InspectorView(parent)
{
    setMinimumSize(320, 240);
    setToolTip(tr("Baseline (untouched) and intervened runs: differing tokens marked, KL divergence per step, "
                  "measures (tokens between bar lines). Click to select a step."));
}

QString ComparisonView::title() const { return tr("Intervention comparison"); }

void ComparisonView::setBaseline(std::shared_ptr<const folkrnn::Run> baseline) { baseline_ = std::move(baseline); }

const folkrnn::Run *ComparisonView::baseline() const { return baseline_ ? baseline_.get() : run(); }

void ComparisonView::runChanged()
{
    const folkrnn::Run *b = baseline();
    comparison_ = (run() && b && b->vocabSize() == run()->vocabSize()) ? compareRuns(*b, *run()) : RunComparison{};
    update();
}

void ComparisonView::selectionChanged(SelectionChange what)
{
    if (what & SelectionField::Step)
        update();
}

QRectF ComparisonView::tokenRect(int which, int step) const
{
    const auto &rects = layout_.tokens[which == 0 ? 0 : 1];
    return step >= 0 && step < int(rects.size()) ? rects[static_cast<std::size_t>(step)] : QRectF();
}

void ComparisonView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    render(p, rect());
}

QString ComparisonView::summary(int which) const
{
    const MeasureSummary &m = which == 0 ? comparison_.baselineMeasures : comparison_.intervenedMeasures;
    const std::vector<Measure> &bars = which == 0 ? comparison_.baselineBars : comparison_.intervenedBars;
    const int steps = which == 0 ? comparison_.baselineSteps : comparison_.intervenedSteps;
    double tokens = 0;
    for (const Measure &b : bars)
        tokens += b.tokens;
    return tr("%1: %2 steps · %3 bar lines · %4 measures, %5 tokens each on average · %6 of %7 checked measures "
              "of the meter's length%8")
        .arg(which == 0 ? tr("Baseline") : tr("Intervened"))
        .arg(steps)
        .arg(m.barLines)
        .arg(m.measures)
        .arg(bars.empty() ? 0.0 : tokens / double(bars.size()), 0, 'f', 1)
        .arg(m.checked - m.irregular)
        .arg(m.checked)
        .arg(m.regular ? tr(" · regular") : tr(" · not regular"));
}

void ComparisonView::render(QPainter &p, const QRect &target)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(target, palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Text));
    layout_ = Layout{};
    const folkrnn::Run *b = baseline();
    const folkrnn::Run *r = run();
    if (!r || !b || r->steps() == 0) {
        p.drawText(target, Qt::AlignCenter, tr("No run yet."));
        shownStep_ = -1;
        p.restore();
        return;
    }
    layout_.steps = std::max(comparison_.baselineSteps, comparison_.intervenedSteps);
    const QFont font = this->font();
    const QFontMetricsF fm(font);
    const double line = fm.height();
    QRectF area = QRectF(target).adjusted(6, 4, -6, -4);

    // Headline: what changed, in numbers.
    const QString head =
        comparison_.firstDifference < 0
            ? tr("Same tokens · mean KL %1 nats · max %2").arg(comparison_.meanKl, 0, 'g', 3).arg(comparison_.maxKl, 0, 'g', 3)
            : tr("%1 differing tokens from step %2 · mean KL %3 nats · max %4")
                  .arg(comparison_.differingTokens)
                  .arg(comparison_.firstDifference)
                  .arg(comparison_.meanKl, 0, 'g', 3)
                  .arg(comparison_.maxKl, 0, 'g', 3);
    QFont bold = font;
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(area.left(), area.top(), area.width(), line), Qt::AlignLeft | Qt::AlignVCenter, head);
    area.setTop(area.top() + line + 2);

    const double textH = area.height() * 0.44, klH = area.height() * 0.26;
    for (int which = 0; which < 2; ++which) {
        QRectF box(area.left(), area.top() + which * textH / 2, area.width(), textH / 2 - 2);
        p.setFont(font);
        p.setPen(which == 0 ? kBaselineInk : kIntervenedInk);
        p.drawText(QRectF(box.left(), box.top(), box.width(), line), Qt::AlignLeft | Qt::AlignVCenter, summary(which));
        drawTune(p, box.adjusted(0, line + 1, 0, 0), which, font);
    }
    drawKl(p, QRectF(area.left(), area.top() + textH, area.width(), klH), font);
    drawStrips(p, QRectF(area.left(), area.top() + textH + klH, area.width(), area.height() - textH - klH), font);
    shownStep_ = std::clamp(selection()->step(), 0, layout_.steps - 1);
    p.restore();
}

void ComparisonView::drawTune(QPainter &p, QRectF area, int which, const QFont &base)
{
    const folkrnn::Run &r = which == 0 ? *baseline() : *run();
    auto &rects = layout_.tokens[which];
    rects.assign(static_cast<std::size_t>(r.steps()), QRectF());
    // The largest font (down to 6 pt) at which the whole tune fits its box.
    QFont font = base;
    for (double size = base.pointSizeF(); size >= 6.0; size -= 0.5) {
        font.setPointSizeF(size);
        const QFontMetricsF fm(font);
        double x = 0, y = fm.height();
        for (int t = 0; t < r.steps(); ++t) {
            const double w = fm.horizontalAdvance(tokenLabel(r, t)) + fm.horizontalAdvance(QLatin1Char(' '));
            if (x + w > area.width()) {
                x = 0;
                y += fm.height();
            }
            x += w;
        }
        if (y <= area.height())
            break;
    }
    const QFontMetricsF fm(font);
    p.setFont(font);
    double x = area.left(), y = area.top();
    const int current = selection()->step();
    for (int t = 0; t < r.steps(); ++t) {
        const QString text = tokenLabel(r, t);
        const double w = fm.horizontalAdvance(text), gap = fm.horizontalAdvance(QLatin1Char(' '));
        if (x + w + gap > area.right() && x > area.left()) {
            x = area.left();
            y += fm.height();
        }
        if (y + fm.height() > area.bottom() + 0.5)
            break; // clipped at 6 pt: the export and the screen show the same cut
        const QRectF cell(x - 1, y, w + 2, fm.height());
        rects[static_cast<std::size_t>(t)] = cell;
        if (t < int(comparison_.differs.size()) && comparison_.differs[static_cast<std::size_t>(t)])
            p.fillRect(cell, kDiffer);
        if (t == current)
            p.setPen(QPen(cursorColor(palette()), 1.5)), p.drawRect(cell);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPointF(x, y + fm.ascent()), text);
        x += w + gap;
    }
}

double ComparisonView::stepX(double step) const
{
    const QRectF &plot = layout_.plot;
    return plot.left() + (step + 0.5) / std::max(1, layout_.steps) * plot.width();
}

void ComparisonView::drawKl(QPainter &p, QRectF area, const QFont &font)
{
    const QFont small = tickFont(font);
    const QFontMetricsF fm(small);
    p.setFont(small);
    const double left = fm.horizontalAdvance(QStringLiteral("00.000")) + 8;
    layout_.plot = QRectF(area.left() + left, area.top() + fm.height() + 2, area.width() - left - 4,
                          area.height() - 2 * fm.height() - 6);
    const QRectF plot = layout_.plot;
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(area.left(), area.top(), area.width(), fm.height()), Qt::AlignLeft,
               tr("KL(baseline ‖ intervened) per step, nats"));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(plot);
    const double top = std::max(1e-9, comparison_.maxKl * 1.05);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(area.left(), plot.top() - fm.height() / 2, left - 4, fm.height()), Qt::AlignRight,
               QString::number(top, 'g', 3));
    p.drawText(QRectF(area.left(), plot.bottom() - fm.height() / 2, left - 4, fm.height()), Qt::AlignRight,
               QStringLiteral("0"));
    // Step ticks every 10, 50 or 100 steps, whichever leaves room for their labels.
    const int every = layout_.steps > 600 ? 100 : layout_.steps > 120 ? 50 : 10;
    for (int t = 0; t < layout_.steps; t += every) {
        p.drawLine(QPointF(stepX(t), plot.bottom()), QPointF(stepX(t), plot.bottom() + 3));
        p.drawText(QRectF(stepX(t) - 30, plot.bottom() + 3, 60, fm.height()), Qt::AlignHCenter, QString::number(t));
    }
    QPainterPath path;
    for (std::size_t t = 0; t < comparison_.kl.size(); ++t) {
        const double v = std::isfinite(comparison_.kl[t]) ? comparison_.kl[t] : top;
        const QPointF pt(stepX(double(t)), plot.bottom() - v / top * plot.height());
        t == 0 ? path.moveTo(pt) : path.lineTo(pt);
    }
    p.setPen(QPen(palette().color(QPalette::Highlight), 1.4));
    p.drawPath(path);
    const int step = selection()->step();
    if (step >= 0 && step < layout_.steps) {
        p.setPen(QPen(cursorColor(palette()), 1.0));
        p.drawLine(QPointF(stepX(step), plot.top()), QPointF(stepX(step), plot.bottom()));
    }
}

void ComparisonView::drawStrips(QPainter &p, QRectF area, const QFont &font)
{
    const QFont small = tickFont(font);
    const QFontMetricsF fm(small);
    p.setFont(small);
    const QRectF plot = layout_.plot;
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(area.left(), area.top() + 2, area.width(), fm.height()), Qt::AlignLeft,
               tr("Measures: tokens between bar lines (green: the meter's length, red: not, grey: not checked)"));
    const double rowH = std::max(8.0, (area.height() - fm.height() - 10) / 2);
    layout_.strips = QRectF(plot.left(), area.top() + fm.height() + 6, plot.width(), 2 * rowH);
    for (int which = 0; which < 2; ++which) {
        const std::vector<Measure> &bars = which == 0 ? comparison_.baselineBars : comparison_.intervenedBars;
        const double y = layout_.strips.top() + which * rowH;
        p.setPen(which == 0 ? kBaselineInk : kIntervenedInk);
        p.drawText(QRectF(area.left(), y, plot.left() - area.left() - 4, rowH - 2), Qt::AlignRight | Qt::AlignVCenter,
                   which == 0 ? tr("base") : tr("interv."));
        for (const Measure &m : bars) {
            // The measure spans its tokens; the bar line that closes it is the step after them.
            const QRectF seg(QPointF(stepX(m.firstStep - 0.5), y + 1), QPointF(stepX(m.firstStep + m.tokens - 0.5), y + rowH - 2));
            const QColor c = !m.checked ? kUnchecked : m.full() ? kFull : kIrregular;
            p.fillRect(seg, c.lighter(140));
            p.setPen(c.darker(130));
            p.drawRect(seg);
            const QString label = QString::number(m.tokens);
            if (fm.horizontalAdvance(label) + 2 < seg.width()) {
                p.setPen(palette().color(QPalette::Text));
                p.drawText(seg, Qt::AlignCenter, label);
            }
        }
    }
    const int step = selection()->step();
    if (step >= 0 && step < layout_.steps) {
        p.setPen(QPen(cursorColor(palette()), 1.0));
        p.drawLine(QPointF(stepX(step), layout_.strips.top()), QPointF(stepX(step), layout_.strips.bottom()));
    }
}

void ComparisonView::mousePressEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    for (int which = 0; which < 2; ++which)
        for (std::size_t t = 0; t < layout_.tokens[which].size(); ++t)
            if (layout_.tokens[which][t].contains(pos)) {
                selection()->setStep(int(t));
                return;
            }
    if ((layout_.plot.contains(pos) || layout_.strips.contains(pos)) && layout_.steps > 0) {
        const double f = (pos.x() - layout_.plot.left()) / layout_.plot.width();
        selection()->setStep(std::clamp(int(f * layout_.steps), 0, layout_.steps - 1));
    }
}

bool ComparisonView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    csv.row({QStringLiteral("step"), QStringLiteral("baseline_token"), QStringLiteral("intervened_token"),
             QStringLiteral("differs"), QStringLiteral("kl_nats")});
    const folkrnn::Run *b = baseline();
    const folkrnn::Run *r = run();
    for (int t = 0; r && b && t < int(comparison_.differs.size()); ++t)
        csv.row({QString::number(t), t < b->steps() ? tokenLabel(*b, t) : QString(),
                 t < r->steps() ? tokenLabel(*r, t) : QString(), QString::number(int(comparison_.differs[std::size_t(t)])),
                 t < int(comparison_.kl.size()) ? csvNumber(comparison_.kl[std::size_t(t)]) : QString()});
    return csv.finish();
}

} // namespace folkrnn::widgets

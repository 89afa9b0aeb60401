#include "widgets/annotations/AnnotationTrackView.h"

#include "core/abc/TokenCategory.h"
#include "core/sim/Run.h"
#include "widgets/colormap/ColorMaps.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LabelTickers.h"
#include "widgets/common/PlotStyle.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace folkrnn::widgets {

using folkrnn::analysis::AnnotationTracks;

namespace {

enum Row { BarRow = 0, PositionRow, TimeRow, PartRow, RepeatRow, EndingRow, CategoryRow, PitchRow };
constexpr int RowCount = 8;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

QStringList AnnotationTrackView::rowNames()
{
    return {tr("bar"), tr("position"), tr("time in bar"), tr("part"), tr("repeat"), tr("ending"), tr("category"),
            tr("pitch")};
}

AnnotationTrackView::AnnotationTrackView(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *p = plot();
    stepTicker_ = installStepTokenAxis(p->xAxis);
    rowTicker_.reset(new SparseLabelTicker(p->yAxis));
    p->yAxis->setTicker(rowTicker_);
    p->yAxis->setRangeReversed(true); // the bar row on top
    p->yAxis->setRange(-0.5, RowCount - 0.5);
    p->yAxis->grid()->setVisible(false);
    p->yAxis->setSubTicks(false);
    QVector<double> positions;
    QVector<QString> labels;
    const QStringList names = rowNames();
    for (int r = 0; r < RowCount; ++r) {
        positions << r;
        labels << names[r];
    }
    rowTicker_->setLabels(positions, labels);

    map_ = new QCPColorMap(p->xAxis, p->yAxis);
    map_->setInterpolate(false);
    map_->setTightBoundary(false);
    QCPColorGradient gradient = viridisGradient();
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    map_->setGradient(gradient);
    map_->setDataRange(QCPRange(0, 1));
    barLines_ = new QCPBars(p->xAxis, p->yAxis);
    barLines_->setWidthType(QCPBars::wtAbsolute);
    barLines_->setWidth(1.5);
    barLines_->setBaseValue(-0.5);
    cursor_ = new QCPItemRect(p);
    cursor_->setLayer(cursorLayer());
    cursor_->setBrush(Qt::NoBrush);
    cursor_->setSelectable(false);
    linkStepAxis(p->axisRect());
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("What each token is in the tune: bar (alternate shading, numbered), tokens since the bar "
                     "line, time in the bar, part, repeat, ending, token category, pitch. Lines mark bar lines. "
                     "Click to select a step."));
    runChanged();
}

QString AnnotationTrackView::title() const { return tr("Annotation tracks"); }

void AnnotationTrackView::paletteUpdated()
{
    const QPalette pal = palette();
    barLines_->setPen(Qt::NoPen);
    barLines_->setBrush(pal.color(QPalette::Text));
    cursor_->setPen(QPen(markerColor(), 1.5));
    for (QCPItemText *t : barNumbers_)
        t->setColor(QColor(255, 255, 255));
    plot()->xAxis->setTickLabelFont(tickFont(font()));
    plot()->yAxis->setTickLabelFont(tickFont(font()));
}

double AnnotationTrackView::cellValue(int t, int row) const
{
    const auto i = static_cast<std::size_t>(t);
    const AnnotationTracks &a = tracks_;
    const bool body = a.inBody[i] != 0;
    // Each row scaled to [0, 1] over its range in this run.
    const auto scaled = [&](double v, double lo, double hi) { return hi > lo ? (v - lo) / (hi - lo) : 0.5; };
    switch (row) {
    case BarRow:
        return body ? (a.bar[i] % 2 == 0 ? 0.25 : 0.55) : kNaN;
    case PositionRow:
        return body ? scaled(a.barPosition[i], 0, positionMax_) : kNaN;
    case TimeRow:
        if (!body || std::isnan(a.barLength[i]) || a.barLength[i] <= 0)
            return kNaN;
        return std::clamp(a.barTime[i] / a.barLength[i], 0.0, 1.0);
    case PartRow:
        return body ? (a.part[i] % 2 == 1 ? 0.35 : 0.8) : kNaN;
    case RepeatRow:
        return body && a.inRepeat[i] ? 0.7 : kNaN;
    case EndingRow:
        return body && a.ending[i] > 0 ? (a.ending[i] == 1 ? 0.45 : 0.95) : kNaN;
    case CategoryRow:
        return scaled(a.category[i], 0, folkrnn::kTokenCategoryCount - 1);
    case PitchRow:
        return a.pitch[i] == folkrnn::analysis::kNoPitch ? kNaN : scaled(a.pitch[i], pitchLow_, pitchHigh_);
    default:
        return kNaN;
    }
}

void AnnotationTrackView::fill()
{
    const Run *r = run();
    tracks_ = r ? folkrnn::analysis::annotateRun(*r) : AnnotationTracks{};
    const int T = tracks_.steps();
    positionMax_ = 0;
    pitchLow_ = std::numeric_limits<int>::max();
    pitchHigh_ = std::numeric_limits<int>::min();
    for (int t = 0; t < T; ++t) {
        positionMax_ = std::max(positionMax_, tracks_.barPosition[static_cast<std::size_t>(t)]);
        const int pitch = tracks_.pitch[static_cast<std::size_t>(t)];
        if (pitch != folkrnn::analysis::kNoPitch) {
            pitchLow_ = std::min(pitchLow_, pitch);
            pitchHigh_ = std::max(pitchHigh_, pitch);
        }
    }
    QCPColorMapData *data = map_->data();
    // The bar numbers are kept and moved rather than made again: a run one step longer has the
    // same bars, and creating and removing hundreds of items with every step was most of setRun.
    int labels = 0;
    const auto dropUnusedLabels = [&] {
        while (barNumbers_.size() > labels)
            plot()->removeItem(barNumbers_.takeLast());
    };
    if (T == 0) {
        dropUnusedLabels();
        data->clear();
        barLines_->data()->clear();
        return;
    }
    data->setSize(T, RowCount);
    data->setRange(QCPRange(0, T - 1), QCPRange(0, RowCount - 1));
    if (T == 1)
        data->setKeyRange(QCPRange(-0.5, 0.5));
    for (int t = 0; t < T; ++t)
        for (int row = 0; row < RowCount; ++row)
            data->setCell(t, row, cellValue(t, row));
    QVector<double> keys, values;
    for (int t = 0; t < T; ++t) {
        const auto i = static_cast<std::size_t>(t);
        if (tracks_.barLine[i]) {
            // The line sits after the bar-line token's cell: between the bar it closes and the next.
            keys << t + 0.5;
            values << RowCount - 0.5;
        }
        const bool starts = tracks_.inBody[i] && tracks_.bar[i] >= 0 && (t == 0 || tracks_.bar[i] != tracks_.bar[i - 1]);
        if (starts) {
            if (labels == barNumbers_.size()) {
                auto *label = new QCPItemText(plot());
                label->setClipToAxisRect(true);
                label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
                label->setColor(QColor(255, 255, 255));
                label->setSelectable(false);
                barNumbers_ << label;
            }
            QCPItemText *label = barNumbers_[labels++];
            label->position->setCoords(t - 0.4, BarRow);
            label->setText(QString::number(tracks_.bar[i]));
            label->setFont(tickFont(font()));
        }
    }
    dropUnusedLabels();
    barLines_->setData(keys, values, true);
}

void AnnotationTrackView::runChanged()
{
    stepTicker_->setLabels(stepTokenLabels(run()));
    fill();
    applyStepRange();
    placeCursor();
    replotAll();
}

void AnnotationTrackView::placeCursor()
{
    const int step = selection()->step();
    const bool on = step >= 0 && step < tracks_.steps();
    cursor_->setVisible(on);
    cursor_->topLeft->setCoords(step - 0.5, -0.5);
    cursor_->bottomRight->setCoords(step + 0.5, RowCount - 0.5);
}

void AnnotationTrackView::selectionChanged(SelectionChange what)
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

void AnnotationTrackView::clicked(QPoint pos, Qt::KeyboardModifiers)
{
    if (!plot()->axisRect()->rect().contains(pos))
        return;
    const int step = int(std::lround(plot()->xAxis->pixelToCoord(pos.x())));
    if (step >= 0 && step < tracks_.steps())
        selection()->setStep(step);
}

int AnnotationTrackView::shownStep() const
{
    return cursor_->visible() ? int(std::lround(cursor_->topLeft->coords().x() + 0.5)) : -1;
}

bool AnnotationTrackView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    csv.row({QStringLiteral("step"), QStringLiteral("token"), QStringLiteral("in_body"), QStringLiteral("bar_line"),
             QStringLiteral("bar_position"), QStringLiteral("bar_time"), QStringLiteral("bar_length"),
             QStringLiteral("bar"), QStringLiteral("part"), QStringLiteral("in_repeat"), QStringLiteral("ending"),
             QStringLiteral("category"), QStringLiteral("pitch")});
    const Run *r = run();
    const AnnotationTracks &a = tracks_;
    const auto number = [](double v) { return std::isnan(v) ? QString() : csvNumber(v); };
    for (int t = 0; r && t < a.steps(); ++t) {
        const auto i = static_cast<std::size_t>(t);
        csv.row({QString::number(t), QString::fromStdString(r->tokenText(r->token(t))), QString::number(a.inBody[i]),
                 QString::number(a.barLine[i]), QString::number(a.barPosition[i]), number(a.barTime[i]),
                 number(a.barLength[i]), QString::number(a.bar[i]), QString::number(a.part[i]),
                 QString::number(a.inRepeat[i]), QString::number(a.ending[i]),
                 QString::fromLatin1(folkrnn::categoryName(static_cast<folkrnn::TokenCategory>(a.category[i]))),
                 a.pitch[i] == folkrnn::analysis::kNoPitch ? QString() : QString::number(a.pitch[i])});
    }
    return csv.finish();
}

} // namespace folkrnn::widgets

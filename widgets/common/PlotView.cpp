#include "widgets/common/PlotView.h"

#include "core/sim/Run.h"
#include "widgets/common/PlotStyle.h"

#include <qcustomplot.h>

#include <QPicture>
#include <QVBoxLayout>

#include <cmath>

namespace folkrnn::widgets {

namespace {

// QCustomPlot keeps the pictures of at most 16 tick labels per axis: a step axis shows dozens of
// token labels, so every replot laid out and drew every label again (a third of a grown run's
// repaint). Its cache is protected; a member pointer taken through a subclass reaches it.
struct AxisPainterAccess : QCPAxis {
    static QCPAxisPainterPrivate *painter(QCPAxis *axis) { return axis->*(&AxisPainterAccess::mAxisPainter); }
};
struct LabelCacheAccess : QCPAxisPainterPrivate {
    static void setMaxCost(QCPAxisPainterPrivate *painter, int labels)
    {
        auto &cache = painter->*(&LabelCacheAccess::mLabelCache);
        if (cache.maxCost() < labels)
            cache.setMaxCost(labels);
    }
};

// Enough for every label a step axis or the vocabulary axis shows at once (a few KiB each).
constexpr int kCachedTickLabels = 512;

void enlargeLabelCaches(QCustomPlot *plot)
{
    for (QCPAxis *axis : plot->findChildren<QCPAxis *>())
        if (QCPAxisPainterPrivate *painter = AxisPainterAccess::painter(axis))
            LabelCacheAccess::setMaxCost(painter, kCachedTickLabels);
}

} // namespace

PlotView::PlotView(QWidget *parent) : InspectorView(parent), plot_(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(plot_, 1);
    plot_->setNoAntialiasingOnDrag(true);
    plot_->setPlottingHint(QCP::phCacheLabels, true);
    plot_->setPlottingHint(QCP::phFastPolylines, true);
    plot_->addLayer(QStringLiteral("cursor"), plot_->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    cursorLayer_ = plot_->layer(QStringLiteral("cursor"));
    cursorLayer_->setMode(QCPLayer::lmBuffered);
    // QCustomPlot buffers its top layer, "overlay", for the selection rectangle, which no view
    // uses: as a buffer of its own it was cleared and composited onto the widget with every
    // replot for nothing. Logical, it joins the buffer of the axes above the cursor layer.
    if (QCPLayer *overlay = plot_->layer(QStringLiteral("overlay")))
        overlay->setMode(QCPLayer::lmLogical);
    // Every replot (queued or not, also one QCustomPlot starts itself) draws all layers.
    connect(plot_, &QCustomPlot::beforeReplot, this, [this] {
        fullReplotQueued_ = false;
        useScreenPens(true);
    });
    connect(plot_, &QCustomPlot::mousePress, this, &PlotView::onMousePress);
    connect(plot_, &QCustomPlot::mouseRelease, this, &PlotView::onMouseRelease);
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *) {
        if (!stepRects_.isEmpty())
            selection()->setStepRange({}); // back to "all steps"
    });
}

void PlotView::render(QPainter &painter, const QRect &target)
{
    QPicture picture;
    {
        // Views may draw dense scatter symbols without antialiasing on screen, where they repaint
        // with every step; a figure is drawn once and keeps them smooth.
        const QCP::AntialiasedElements forced = plot_->antialiasedElements();
        plot_->setAntialiasedElement(QCP::aeScatters, true);
        useFigureStyle(true);
        useScreenPens(false);
        // QCustomPlot generates an axis' ticks before it lays the axes out, from the size of the
        // layout before: a first pass lays the plot out at the figure's size, so that tickers
        // that thin their labels to fit (LabelTickers) see the figure's axis lengths, not the
        // screen's (a figure of 300 steps had three token labels).
        QPicture layoutPass;
        QCPPainter laidOut(&layoutPass);
        plot_->toPainter(&laidOut, target.width(), target.height());
        laidOut.end();
        QCPPainter recorder(&picture);
        plot_->toPainter(&recorder, target.width(), target.height());
        useScreenPens(true);
        useFigureStyle(false);
        plot_->setAntialiasedElements(forced);
    }
    painter.save();
    painter.translate(target.topLeft());
    // A QPicture plays back scaled by the target device's resolution over its own (an SVG
    // generator is 72 dpi, a 300 dpi PNG 300): undo that, `target` is in the painter's units.
    if (const QPaintDevice *device = painter.device())
        painter.scale(double(picture.logicalDpiX()) / device->logicalDpiX(),
                      double(picture.logicalDpiY()) / device->logicalDpiY());
    painter.drawPicture(0, 0, picture);
    painter.restore();
    // toPainter() laid the plot out for `target`; lay it out for the screen again.
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

namespace {
constexpr char kFigurePenWidth[] = "folkrnnFigurePenWidth";
}

void PlotView::useScreenPens(bool screen)
{
    for (int i = 0; i < plot_->graphCount(); ++i) {
        QCPGraph *graph = plot_->graph(i);
        QPen pen = graph->pen();
        if (screen && pen.widthF() > 1.0) {
            graph->setProperty(kFigurePenWidth, pen.widthF());
            pen.setWidthF(1.0);
            graph->setPen(pen);
        } else if (!screen && pen.widthF() == 1.0 && graph->property(kFigurePenWidth).isValid()) {
            pen.setWidthF(graph->property(kFigurePenWidth).toDouble());
            graph->setPen(pen);
        }
    }
}

void PlotView::addToolRow(QWidget *row)
{
    row->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, row, 0);
}

void PlotView::replotCursor()
{
    // A full replot already on its way draws the cursor layer too (the run grew and the selected
    // step followed it): drawing the layer now as well would be done twice.
    if (!fullReplotQueued_)
        cursorLayer_->replot();
}

void PlotView::replotAll()
{
    // Here, not in the constructor: subclasses add their axes (colour scales) after it.
    enlargeLabelCaches(plot_);
    fullReplotQueued_ = true;
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void PlotView::linkStepAxis(QCPAxisRect *rect)
{
    stepRects_.push_back(rect);
    rect->setRangeDrag(Qt::Horizontal);
    rect->setRangeZoom(Qt::Horizontal);
    rect->setRangeDragAxes(rect->axis(QCPAxis::atBottom), nullptr);
    rect->setRangeZoomAxes(rect->axis(QCPAxis::atBottom), nullptr);
    plot_->setInteraction(QCP::iRangeDrag, true);
    plot_->setInteraction(QCP::iRangeZoom, true);
    connect(rect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            &PlotView::onRangeChanged);
}

void PlotView::applyStepRange()
{
    const int steps = run() ? run()->steps() : 0;
    const StepRange r = selection()->stepRange();
    QCPRange range(-0.5, std::max(steps, 1) - 0.5);
    if (!r.isAll())
        range = QCPRange(r.first - 0.5, r.last + 0.5);
    applyingRange_ = true;
    for (QCPAxisRect *rect : stepRects_)
        rect->axis(QCPAxis::atBottom)->setRange(range);
    applyingRange_ = false;
}

bool PlotView::roomForStepMarkers() const
{
    if (stepRects_.isEmpty())
        return true;
    const QCPAxis *x = stepRects_.front()->axis(QCPAxis::atBottom);
    const double span = x->range().size();
    return span <= 0 || stepRects_.front()->width() / span >= 6.0;
}

void PlotView::onRangeChanged()
{
    if (applyingRange_ || stepRects_.isEmpty())
        return;
    // The user panned or zoomed one linked axis: keep it within the run, and share it.
    const int steps = run() ? run()->steps() : 0;
    const auto *moved = qobject_cast<const QCPAxis *>(sender());
    const QCPRange now = (moved ? moved : stepRects_.front()->axis(QCPAxis::atBottom))->range();
    int first = std::max(0, int(std::lround(now.lower + 0.5)));
    int last = std::min(steps - 1, int(std::lround(now.upper - 0.5)));
    if (last < first)
        last = first;
    StepRange next{first, last};
    if (steps == 0 || (first <= 0 && last >= steps - 1))
        next = {};
    if (next == selection()->stepRange())
        applyStepRange(); // clamp what the drag overshot
    else
        selection()->setStepRange(next);
}

void PlotView::onMousePress(QMouseEvent *event) { pressPos_ = event->pos(); }

void PlotView::onMouseRelease(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if ((event->pos() - pressPos_).manhattanLength() > 3)
        return; // a drag, not a click
    clicked(event->pos(), event->modifiers());
}

void PlotView::changeEvent(QEvent *event)
{
    InspectorView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyPlotPalette(plot_, palette());
        paletteUpdated();
        replotAll();
    }
}

} // namespace folkrnn::widgets

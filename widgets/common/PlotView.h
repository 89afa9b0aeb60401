#pragma once
#include "widgets/common/InspectorView.h"

#include <QPoint>
#include <QVector>

class QCustomPlot;
class QCPAxisRect;
class QCPLayer;
class QMouseEvent;

namespace folkrnn::widgets {

// An InspectorView drawn by one QCustomPlot. The plot draws the screen; render() replays the
// same drawing into any painter (image, SVG, PDF). Cursors live on their own buffered layer,
// so following the selected step repaints only that layer, not the colour maps under it.
//
// Axis rects registered with linkStepAxis() have steps along x: panning or zooming one of them
// sets the Selection's step range, and every view with a step axis follows it.
class PlotView : public InspectorView {
    Q_OBJECT
public:
    explicit PlotView(QWidget *parent = nullptr);

    QCustomPlot *plot() const { return plot_; }
    void render(QPainter &painter, const QRect &target) override;

protected:
    QCPLayer *cursorLayer() const { return cursorLayer_; }
    // Puts a row of controls above the plot (not part of render()).
    void addToolRow(QWidget *row);
    void replotCursor();
    void replotAll();
    void linkStepAxis(QCPAxisRect *rect);
    // Sets the linked x ranges from the selection's step range and the run's length.
    void applyStepRange();
    // Whether the linked step axis has room for a marker per step (dots cost a path each: with
    // hundreds of steps on screen the curve alone reads better and draws much faster).
    bool roomForStepMarkers() const;
    // A press and release without a drag at `pos` inside the plot; `modifiers` of the release.
    virtual void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) = 0;
    // Called when the palette changes, after the axes took their colours.
    virtual void paletteUpdated() {}
    // render() draws a figure between useFigureStyle(true) and useFigureStyle(false): a view that
    // draws something cheaper on screen (bitmaps for hundreds of symbols) swaps in vectors here.
    virtual void useFigureStyle(bool figure) { Q_UNUSED(figure); }
    void changeEvent(QEvent *event) override;

private:
    // On screen, curves are stroked one pixel wide: Qt strokes a wider pen segment by segment as
    // polygons (with 500 steps, a third of the instructions of a repaint), a one-pixel pen with
    // its line drawer. Figures (render()) get the widths the views chose.
    void useScreenPens(bool screen);
    void onRangeChanged();
    void onMousePress(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);

    QCustomPlot *plot_;
    QCPLayer *cursorLayer_;
    QVector<QCPAxisRect *> stepRects_;
    QPoint pressPos_;
    bool applyingRange_ = false;
    bool fullReplotQueued_ = false; // replotAll() asked, QCustomPlot has not replotted since
};

} // namespace folkrnn::widgets

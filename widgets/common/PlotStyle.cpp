#include "widgets/common/PlotStyle.h"

#include <qcustomplot.h>

namespace folkrnn::widgets {

void styleAxis(QCPAxis *axis, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(110);
    axis->setBasePen(QPen(text, 1));
    axis->setTickPen(QPen(text, 1));
    axis->setSubTickPen(QPen(text, 1));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(grid, 1, Qt::SolidLine));
    axis->grid()->setSubGridVisible(false);
}

void applyPlotPalette(QCustomPlot *plot, const QPalette &palette)
{
    plot->setBackground(QBrush(palette.color(QPalette::Base)));
    for (QCPAxisRect *rect : plot->axisRects()) {
        rect->setBackground(QBrush(palette.color(QPalette::Base)));
        for (QCPAxis *axis : rect->axes())
            styleAxis(axis, palette);
    }
    if (plot->legend) {
        plot->legend->setBrush(QBrush(palette.color(QPalette::Base)));
        plot->legend->setTextColor(palette.color(QPalette::Text));
        plot->legend->setBorderPen(QPen(palette.color(QPalette::Mid)));
    }
}

QFont tickFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(std::max(7.0, base.pointSizeF() * 0.85));
    return f;
}

QFont titleFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(std::max(7.5, base.pointSizeF() * 0.9));
    return f;
}

QColor markerColor() { return QColor(255, 64, 96); }

QColor cursorColor(const QPalette &palette)
{
    // Bright on dark backgrounds, dark on light ones; the heatmaps span both.
    return palette.color(QPalette::Base).lightnessF() < 0.5 ? QColor(255, 255, 255) : QColor(20, 20, 20);
}

} // namespace folkrnn::widgets

#pragma once
#include <QFont>
#include <QPalette>

class QCustomPlot;
class QCPAxis;

namespace folkrnn::widgets {

// Colours every plot takes from the widget palette, so that light and dark themes both read:
// background from Base, axes and labels from Text, grid from Mid.
void applyPlotPalette(QCustomPlot *plot, const QPalette &palette);
void styleAxis(QCPAxis *axis, const QPalette &palette);

// Fonts for tick labels (tokens) and axis titles, derived from the application font.
QFont tickFont(const QFont &base);
QFont titleFont(const QFont &base);

// A colour that stands out on both the viridis map and the plot background (chosen tokens,
// cursors).
QColor markerColor();
QColor cursorColor(const QPalette &palette);

} // namespace folkrnn::widgets

#pragma once
#include <qcustomplot.h>

#include <QColor>

namespace folkrnn::widgets {

// The project's colour maps. QCustomPlot 2.1 has no perceptually uniform presets, so they are
// defined here from published tables.

// Sequential, perceptually uniform: matplotlib's viridis (van der Walt & Smith, CC0), every 8th
// of its 256 entries. Dark purple (low) to yellow (high); readable on light and dark palettes.
QCPColorGradient viridisGradient();

// Diverging blue - white - red (ColorBrewer RdBu, 11 classes, reversed so negative is blue),
// for signed values centred on 0: use with a symmetric data range.
QCPColorGradient blueWhiteRedGradient();

// The colour a gradient gives `value` in [lower, upper] (for legends and tests).
QColor gradientColor(QCPColorGradient gradient, double value, double lower, double upper);

} // namespace folkrnn::widgets

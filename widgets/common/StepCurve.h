#pragma once
#include <QVector>

class QCPGraph;

namespace folkrnn::widgets {

// Makes `graph` the curve of one value per step: its points before step `from` stay (the run
// kept those steps), the rest become `values` at steps from, from+1, ... A view extending its
// curves as the run grows appends one point instead of rebuilding the whole curve.
void setStepCurveFrom(QCPGraph *graph, int from, const QVector<double> &values);

} // namespace folkrnn::widgets

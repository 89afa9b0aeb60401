#include "widgets/common/StepCurve.h"

#include <qcustomplot.h>

namespace folkrnn::widgets {

void setStepCurveFrom(QCPGraph *graph, int from, const QVector<double> &values)
{
    QVector<double> keys(values.size());
    for (int k = 0; k < keys.size(); ++k)
        keys[k] = from + k;
    if (from <= 0) {
        graph->setData(keys, values, true);
        return;
    }
    graph->data()->removeAfter(from - 0.5);
    // Keys after every kept one and sorted: the container appends without sorting.
    graph->addData(keys, values, true);
}

} // namespace folkrnn::widgets

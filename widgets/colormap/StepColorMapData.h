#pragma once
#include <qcustomplot.h>

namespace folkrnn::widgets {

// Colour-map cells with steps along the key axis that can change their number of steps keeping
// the cells of the steps that stay (QCPColorMapData::setSize() discards every cell): a map
// following a growing run fills one new column instead of the whole run.
class StepColorMapData : public QCPColorMapData {
public:
    StepColorMapData() : QCPColorMapData(0, 0, QCPRange(0, 1), QCPRange(0, 1)) {}

    // keySize x valueSize cells; with the same valueSize the first min(old, new) key columns
    // keep their values, new ones are 0. Another valueSize starts from zeros (as setSize()).
    void resizeKeepingColumns(int keySize, int valueSize);
};

} // namespace folkrnn::widgets

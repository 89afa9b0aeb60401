#pragma once
#include <qcustomplot.h>

namespace folkrnn::widgets {

class StepColorMapData;

// A colour map over steps (key axis horizontal) whose image follows a growing run by colouring
// only the columns its StepColorMapData reports changed; QCustomPlot colours every cell again
// whenever any cell changes (a 512-unit layer over 500 steps: 256k colours per step forward).
// A new gradient, data range or size, and everything it cannot follow column by column, still
// goes through QCustomPlot's own full update.
class StepColorMap : public QCPColorMap {
    Q_OBJECT
public:
    StepColorMap(QCPAxis *keyAxis, QCPAxis *valueAxis);

    StepColorMapData *stepData() const;
    // The image drawn for the cells (for tests: one pixel per cell when no oversampling applies).
    const QImage &mapImage() const { return mMapImage; }

protected:
    void updateMapImage() override;
};

} // namespace folkrnn::widgets

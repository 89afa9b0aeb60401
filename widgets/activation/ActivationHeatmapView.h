#pragma once
#include "widgets/colormap/StepColorMap.h"
#include "widgets/common/PlotView.h"

#include <QSharedPointer>

class QCPColorScale;
class QCPItemLine;
class QCPItemRect;

namespace folkrnn::widgets {

class LayerSignalBar;
class StrideLabelTicker;

// One layer's signal (h, c, i, f, o or g, chosen above the plot) as units (y) by steps (x), on
// a diverging map centred on 0 and symmetric about it; the tokens taken label the step axis.
// A click selects the step and the unit (Ctrl+click adds or removes the unit).
class ActivationHeatmapView : public PlotView {
    Q_OBJECT
public:
    explicit ActivationHeatmapView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("activation-heatmap"); }
    QString title() const override;
    int shownStep() const override;
    bool exportCsv(const QString &path) const override;

    const StepColorMap *colorMap() const { return map_; }
    // The colour scale spans [-limit, limit].
    double colorLimit() const { return limit_; }

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    bool hasSignal() const;
    // The cells of the steps from `from` on (those before it are kept from the last fill).
    void fillMap(int from = 0);
    void placeCursor();

    LayerSignalBar *bar_;
    StepColorMap *map_;
    QCPColorScale *scale_;
    QCPItemRect *stepCursor_;
    QList<QCPItemLine *> unitMarks_; // two ticks (left and right edge) per selected unit
    QSharedPointer<StrideLabelTicker> stepTicker_;
    double limit_ = 1.0;
    float peak_ = 0.0f;  // largest |value| over the first peakSteps_ steps of the drawn layer and signal
    int peakSteps_ = 0;
};

} // namespace folkrnn::widgets

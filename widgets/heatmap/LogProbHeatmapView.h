#pragma once
#include "widgets/colormap/StepColorMap.h"
#include "widgets/common/PlotView.h"
#include "widgets/common/TokenOrder.h"

#include <QSharedPointer>

class QCPColorScale;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;

namespace folkrnn::widgets {

class StrideLabelTicker;
class SparseLabelTicker;

// log10 p_t(token) over tokens (y, in display order, grouped by category) and steps (x), as the
// posts plot it: values below a floor (default -10) are drawn at the floor. Each step's chosen
// token is marked; a column outline marks the current step and a cell outline the selected
// token. A click selects the step and the token under the mouse.
class LogProbHeatmapView : public PlotView {
    Q_OBJECT
public:
    explicit LogProbHeatmapView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("logprob-heatmap"); }
    QString title() const override;
    int shownStep() const override;
    bool exportCsv(const QString &path) const override;

    // log10 probabilities below `floor` are drawn as `floor`; must be negative.
    void setFloor(double floor);
    double floor() const { return floor_; }

    // For tests and exports: the map (x = step, y = display row) and the row layout.
    const StepColorMap *colorMap() const { return map_; }
    const TokenOrder &tokenOrder() const { return order_; }
    // The value drawn for (step, token): max(floor, log10 p).
    double cellValue(int step, int token) const;

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;
    void useFigureStyle(bool figure) override;

private:
    void rebuildTokenAxis();
    // The cells of the steps from `from` on (those before it are kept from the last fill).
    void fillMap(int from = 0);
    void placeCursor();

    TokenOrder order_;
    double floor_ = -10.0;
    StepColorMap *map_;
    QCPColorScale *scale_;
    QCPGraph *chosen_;
    QCPItemRect *stepCursor_;
    QCPItemRect *tokenCursor_;
    QList<QCPItemStraightLine *> groupLines_;
    QSharedPointer<StrideLabelTicker> tokenTicker_;
    QSharedPointer<SparseLabelTicker> groupTicker_;
};

} // namespace folkrnn::widgets

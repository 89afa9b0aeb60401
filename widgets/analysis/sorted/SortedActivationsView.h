#pragma once
#include "core/analysis/SortedActivations.h"
#include "widgets/common/PlotView.h"

#include <QSharedPointer>

class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPItemStraightLine;

namespace folkrnn::widgets {

class LayerSignalBar;
class StrideLabelTicker;

// Part 5 of the posts: "sort the activations from smallest (-1, left) to largest (+1, right) for
// each step and plot their values over the sequence step". Top: each step's activations of the
// chosen layer and signal, sorted (rank up the y axis, steps along x). Bottom: the sparsity
// figures per step, the fraction of units with |x| < 0.07 and with |x| > 0.8; the tool row gives
// them over the whole run ("about 80% ... less than 0.07, about 2% ... greater than 0.8").
// A click selects the step.
class SortedActivationsView : public PlotView {
    Q_OBJECT
public:
    explicit SortedActivationsView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("sorted-activations"); }
    QString title() const override;
    int shownStep() const override;
    bool exportCsv(const QString &path) const override;

    const folkrnn::analysis::Sparsity &sparsity() const { return sparsity_; }
    const QCPColorMap *colorMap() const { return map_; }

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    bool hasSignal() const;
    void recompute();
    void placeCursor();

    LayerSignalBar *bar_;
    QCPAxisRect *sparsityRect_;
    QCPColorMap *map_;
    QCPColorScale *scale_;
    QCPGraph *small_;
    QCPGraph *large_;
    QCPItemStraightLine *mapCursor_;
    QCPItemStraightLine *sparsityCursor_;
    QSharedPointer<StrideLabelTicker> stepTicker_;
    folkrnn::RowMatrixXf sorted_;
    folkrnn::analysis::Sparsity sparsity_;
};

} // namespace folkrnn::widgets

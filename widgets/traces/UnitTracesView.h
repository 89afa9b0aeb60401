#pragma once
#include "widgets/common/PlotView.h"

#include <QSharedPointer>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace folkrnn::widgets {

class LayerSignalBar;
class StrideLabelTicker;

// The selected units' values of the chosen layer and signal over all steps, one curve per unit,
// with the tokens taken along the step axis (as the posts plot units against the symbols
// sampled). A click selects the step.
class UnitTracesView : public PlotView {
    Q_OBJECT
public:
    explicit UnitTracesView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("unit-traces"); }
    QString title() const override;
    int shownStep() const override;
    bool exportCsv(const QString &path) const override;

    // The curve drawn for the k-th selected unit (tests).
    const QCPGraph *trace(int k) const;
    int traceCount() const { return static_cast<int>(graphs_.size()); }

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    // Curves for the selected units; with `from` > 0 the points before step `from` are kept.
    void rebuildTraces(int from = 0);
    void placeCursor();

    LayerSignalBar *bar_;
    QList<QCPGraph *> graphs_;
    // What graphs_ show: a run that grows extends them only while these stay.
    QList<int> tracedUnits_;
    int tracedLayer_ = -1;
    folkrnn::Signal tracedSignal_ = folkrnn::Signal::H;
    QCPItemStraightLine *cursor_;
    QCPItemText *hint_;
    QSharedPointer<StrideLabelTicker> stepTicker_;
};

} // namespace folkrnn::widgets

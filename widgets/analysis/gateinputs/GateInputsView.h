#pragma once
#include "core/analysis/GateInputs.h"
#include "widgets/analysis/common/AnalysisPlot.h"

#include <QSharedPointer>

#include <array>
#include <memory>
#include <vector>

class QComboBox;
class QCPGraph;
class QCPItemStraightLine;

namespace folkrnn::widgets {

class StrideLabelTicker;

// Part 4 of the posts on a layer's gate input matrices W_x{i,f,c,o} and biases, one panel each:
// the norm of each input's column ("their clear preferences for particular tokens"), the cosine
// between each column and the gate's bias, the mean gate value act(w_k + b) for that input alone
// (h = 0; sigmoid, tanh for the cell input), and the four bias vectors over the units with their
// norms in the legend. Inputs are tokens (display order) for the first layer. A click on an input
// selects its token; a click on the bias panel selects the unit.
class GateInputsView : public WeightPlotView {
    Q_OBJECT
public:
    explicit GateInputsView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("gate-inputs"); }
    QString title() const override;
    bool exportCsv(const QString &path) const override;

    void setLayer(int layer);
    int layer() const { return layer_; }
    const folkrnn::analysis::GateInputSummary *summary() const { return summary_.get(); }
    // Input shown at position `row` of the input axis.
    const std::vector<int> &inputOrder() const { return order_; }

protected:
    void weightsChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    void recompute();
    void placeMarks();
    bool inputsAreTokens() const;

    QComboBox *layerBox_;
    std::array<QCPAxisRect *, 4> rects_{}; // norms, bias cosine, mean value, biases
    std::array<std::array<QCPGraph *, 4>, 4> graphs_{}; // [rect][gate]
    std::array<QCPItemStraightLine *, 3> tokenMarks_{};
    QList<QCPItemStraightLine *> unitMarks_;
    QSharedPointer<StrideLabelTicker> inputTicker_;
    int layer_ = 0;
    std::shared_ptr<const folkrnn::analysis::GateInputSummary> summary_;
    std::vector<int> order_;
    std::vector<int> rowOf_;
};

} // namespace folkrnn::widgets

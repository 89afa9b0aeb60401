#pragma once
#include "core/analysis/GateCosine.h"
#include "core/analysis/GateSubspace.h"
#include "widgets/analysis/common/AnalysisPlot.h"

#include <memory>
#include <vector>

class QComboBox;
class QCPBars;
class QCPGraph;
class QLabel;

namespace folkrnn::widgets {

// Part 4 of the posts on a layer's gate: how much of each input's column w_k of W_x* lies in the
// subspace spanned by the leading singular vectors of W_h*, ||U_r U_r^T w_k|| / ||w_k||, against
// the cumulative fraction of the singular values (top; one curve per input, the selected token's
// highlighted), and the distribution of the cosines between the columns w_k + b and the columns
// of W_h* (bottom). The SVD of a 512-unit W_h* takes ~100 ms: it runs in the background the first
// time a (layer, gate) is shown. A click on a curve selects its token.
class GateSubspaceView : public WeightPlotView {
    Q_OBJECT
public:
    static constexpr int kHistogramBins = 50;

    explicit GateSubspaceView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("gate-subspace"); }
    QString title() const override;
    bool exportCsv(const QString &path) const override;

    void setLayerAndGate(int layer, folkrnn::Gate gate);
    int layer() const { return layer_; }
    folkrnn::Gate gate() const { return gate_; }
    // The results drawn, null until computed.
    const folkrnn::analysis::GateSubspace *subspace() const { return subspace_.get(); }
    const folkrnn::analysis::Histogram &cosineHistogram() const { return histogram_; }

protected:
    void weightsChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    void request();
    void show();
    void highlight();
    bool inputsAreTokens() const;

    QComboBox *layerBox_;
    QComboBox *gateBox_;
    QLabel *note_;
    QCPAxisRect *curveRect_;
    QCPAxisRect *histRect_;
    QList<QCPGraph *> curves_;
    QCPGraph *highlighted_;
    QCPBars *histBars_;
    int layer_ = 0;
    folkrnn::Gate gate_ = folkrnn::Gate::Input;
    std::shared_ptr<const folkrnn::analysis::GateSubspace> subspace_;
    std::shared_ptr<const folkrnn::RowMatrixXd> cosines_;
    folkrnn::analysis::Histogram histogram_;
};

} // namespace folkrnn::widgets

#pragma once
#include "core/analysis/SoftmaxSvd.h"
#include "widgets/analysis/common/AnalysisPlot.h"
#include "widgets/common/TokenOrder.h"

#include <QSharedPointer>

#include <memory>

class QCPBars;
class QCPGraph;
class QCPItemStraightLine;
class QLabel;
class QPushButton;
class QSpinBox;

namespace folkrnn::widgets {

class StrideLabelTicker;

// Part 3 of the posts: the singular values of the softmax matrix V (top, log scale; "the largest
// singular value is huge"), the chosen left singular vector u_i over the tokens (middle), and
// the distributions softmax(v + s_i u_i) and softmax(v - s_i u_i) that result when the last LSTM
// layer outputs +w_i or -w_i (bottom), tokens in display order. The tool row picks i (or click
// a singular value) and selects the units that weigh most in w_i. A click on a token selects it.
class SoftmaxSvdView : public WeightPlotView {
    Q_OBJECT
public:
    explicit SoftmaxSvdView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("softmax-svd"); }
    QString title() const override;
    bool exportCsv(const QString &path) const override;

    // The singular vector shown, from 0.
    void setVectorIndex(int i);
    int vectorIndex() const { return index_; }
    const folkrnn::analysis::SoftmaxSvd *svd() const { return svd_.get(); }
    // softmax(v + s_i u_i) and softmax(v - s_i u_i), by token id.
    const Eigen::VectorXd &plusDistribution() const { return plus_; }
    const Eigen::VectorXd &minusDistribution() const { return minus_; }
    const TokenOrder &tokenOrder() const { return order_; }
    // Selects the ten units with the largest |w_i|.
    void selectVectorUnits();

protected:
    void weightsChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    void showVector();
    void placeMarks();

    QSpinBox *indexBox_;
    QPushButton *units_;
    QLabel *note_;
    QCPAxisRect *valuesRect_;
    QCPAxisRect *vectorRect_;
    QCPAxisRect *pushRect_;
    QCPGraph *values_;
    QCPGraph *chosenValue_;
    QCPBars *vector_;
    QCPBars *plusBars_;
    QCPBars *minusBars_;
    QCPItemStraightLine *vectorMark_;
    QCPItemStraightLine *pushMark_;
    QSharedPointer<StrideLabelTicker> tokenTicker_;
    TokenOrder order_;
    std::shared_ptr<const folkrnn::analysis::SoftmaxSvd> svd_;
    Eigen::VectorXd plus_, minus_;
    int index_ = 0;
};

} // namespace folkrnn::widgets

#pragma once
#include "widgets/common/PlotView.h"
#include "widgets/common/TokenOrder.h"

#include <QSharedPointer>

class QCPBars;
class QCPItemText;
class QCPItemStraightLine;

namespace folkrnn::widgets {

class StrideLabelTicker;
class SparseLabelTicker;

// p_t over the vocabulary at the selected step: one bar per token in display order, grouped by
// category; the most probable tokens are named above their bars, the token taken at the step is
// drawn in the marker colour and the selected token outlined. Clicking a bar selects its token.
class DistributionView : public PlotView {
    Q_OBJECT
public:
    explicit DistributionView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("distribution"); }
    QString title() const override;
    int shownStep() const override { return shownStep_; }
    bool exportCsv(const QString &path) const override;

    // How many of the most probable tokens are named (default 5).
    void setLabelledCount(int count);
    // The bar heights drawn, by display row (tests).
    QVector<double> shownProbabilities() const;
    const TokenOrder &tokenOrder() const { return order_; }

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    void rebuildTokenAxis();
    void showStep();

    TokenOrder order_;
    int labelled_ = 5;
    int shownStep_ = -1;
    QCPBars *bars_;
    QCPBars *chosen_;
    QCPBars *selected_;
    QList<QCPItemText *> topLabels_;
    QList<QCPItemStraightLine *> groupLines_;
    QSharedPointer<StrideLabelTicker> tokenTicker_;
    QSharedPointer<SparseLabelTicker> groupTicker_;
};

} // namespace folkrnn::widgets

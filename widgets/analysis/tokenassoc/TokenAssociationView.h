#pragma once
#include "core/analysis/TokenAssociation.h"
#include "widgets/common/PlotView.h"
#include "widgets/common/TokenOrder.h"

#include <QSharedPointer>

class QCPBars;
class QCPItemStraightLine;
class QPushButton;
class QSpinBox;

namespace folkrnn::widgets {

class LayerSignalBar;
class StrideLabelTicker;

// Part 5 of the posts: "units 156 and 203 spiking almost every time before the measure token
// '|'". For the first selected unit, its mean value (chosen layer and signal) over the steps
// whose token was each token of the vocabulary (display order): the state just before the model
// emitted it, `lag` steps further back if asked. The dashed line is the unit's mean over the run.
// "Units before token" selects the ten units most raised before the selected token. A click on a
// bar selects its token.
class TokenAssociationView : public PlotView {
    Q_OBJECT
public:
    explicit TokenAssociationView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("unit-token-association"); }
    QString title() const override;
    int shownStep() const override { return -1; } // a summary of the whole run
    bool exportCsv(const QString &path) const override;

    void setLag(int lag);
    const folkrnn::analysis::TokenAssociation &association() const { return assoc_; }
    const TokenOrder &tokenOrder() const { return order_; }
    // The unit drawn (the first selected one), -1 for none.
    int shownUnit() const { return shownUnit_; }
    // Selects the ten units with the largest rise before the selected token.
    void selectUnitsBeforeToken();

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    bool hasSignal() const;
    void recompute();
    void showUnit();

    LayerSignalBar *bar_;
    QSpinBox *lag_;
    QPushButton *rank_;
    QCPBars *bars_;
    QCPBars *selected_;
    QCPItemStraightLine *meanLine_;
    QSharedPointer<StrideLabelTicker> tokenTicker_;
    TokenOrder order_;
    folkrnn::analysis::TokenAssociation assoc_;
    int shownUnit_ = -1;
};

} // namespace folkrnn::widgets

#pragma once
#include "core/analysis/Gramian.h"
#include "core/analysis/WeightChoice.h"
#include "widgets/analysis/common/AnalysisPlot.h"

#include <QSharedPointer>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPColorMap;
class QCPColorScale;
class QListWidget;

namespace folkrnn::widgets {

class StrideLabelTicker;

// Parts 2 and 4 of the posts: the Gramian of a weight matrix with its columns normalised (the
// cosines between them): the softmax matrix over the last layer's units, W_x* of a layer over
// its inputs (tokens for the first layer), W_h* over units. "Sort by row variance" reorders
// rows and columns as the posts' scatter plot does, the items most unlike all others first; the
// list below names the most alike and most opposed pairs. A click on a cell or a pair selects
// the two units (or the token).
class GramianView : public WeightPlotView {
    Q_OBJECT
public:
    explicit GramianView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("weight-gramian"); }
    QString title() const override;
    bool exportCsv(const QString &path) const override;

    void setChoice(const folkrnn::analysis::WeightChoice &choice);
    folkrnn::analysis::WeightChoice choice() const { return choice_; }
    void setSortedByVariance(bool sorted);
    // Item shown at row/column `index` of the map.
    const std::vector<int> &itemOrder() const { return order_; }
    const folkrnn::analysis::ExtremePairs &pairs() const { return pairs_; }
    QListWidget *pairList() const { return list_; }
    // Selects items a and b: units of the layer they belong to, or token a.
    void selectItems(int a, int b);

protected:
    void weightsChanged() override;
    void selectionChanged(SelectionChange) override {}
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;

private:
    void fillChoices();
    void recompute();
    QString itemName(int item) const;
    // The layer whose units the items are (-1 when they are tokens or embedding dimensions).
    int itemLayer() const;

    QComboBox *matrix_;
    QCheckBox *sorted_;
    QListWidget *list_;
    QCPColorMap *map_;
    QCPColorScale *scale_;
    QSharedPointer<StrideLabelTicker> xTicker_;
    QSharedPointer<StrideLabelTicker> yTicker_;
    folkrnn::analysis::WeightChoice choice_;
    std::shared_ptr<const folkrnn::RowMatrixXd> gram_;
    std::vector<int> order_;
    folkrnn::analysis::ExtremePairs pairs_;
};

} // namespace folkrnn::widgets

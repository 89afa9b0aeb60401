#pragma once
#include "widgets/common/PlotView.h"

#include <QSharedPointer>

#include <vector>

class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;

namespace folkrnn::widgets {

class StrideLabelTicker;

// Two curves over all steps, one above the other on a shared step axis labelled with the tokens
// taken: the entropy of each step's distribution (bits) and log10 p of the token taken (how
// surprising the model found it; in trace mode, the log-probability of the actual tune).
// A click selects the step.
class StepStatsView : public PlotView {
    Q_OBJECT
public:
    explicit StepStatsView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("step-statistics"); }
    QString title() const override;
    int shownStep() const override;
    bool exportCsv(const QString &path) const override;

    const std::vector<double> &entropyBits() const { return entropy_; }

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    void placeCursor();
    // Each rect's axis label in full where the rect is tall enough for it, else the short form:
    // a rotated label longer than its rect ran into the other rect's label.
    void fitAxisLabels();

    QCPAxisRect *entropyRect_;
    QCPAxisRect *chosenRect_;
    QCPGraph *entropyGraph_;
    QCPGraph *chosenGraph_;
    QCPItemStraightLine *entropyCursor_;
    QCPItemStraightLine *chosenCursor_;
    QSharedPointer<StrideLabelTicker> stepTicker_;
    std::vector<double> entropy_;
    std::vector<double> chosen_; // log10 p of the token taken, per step
};

} // namespace folkrnn::widgets

#pragma once
#include "core/analysis/MaxMagnitude.h"
#include "widgets/common/PlotView.h"

class QCPGraph;

namespace folkrnn::widgets {

class LayerSignalBar;

// Part 5 of the posts: "a plot of the maximum magnitude of each unit sorted from smallest to
// largest" — units that are off for the whole run (at most 0.004) and units that saturate (at
// least 0.9998), listed in the tool row. The chosen layer and signal; the selected units are
// marked. A click selects the unit at that rank (Ctrl+click adds or removes it).
class MaxMagnitudeView : public PlotView {
    Q_OBJECT
public:
    static constexpr float kOff = 0.004f;
    static constexpr float kSaturated = 0.9998f;

    explicit MaxMagnitudeView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("max-magnitude"); }
    QString title() const override;
    int shownStep() const override { return -1; } // a summary of the whole run
    bool exportCsv(const QString &path) const override;

    const folkrnn::analysis::MaxMagnitude &maxMagnitude() const { return max_; }

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    bool hasSignal() const;
    void recompute();
    void markSelected();

    LayerSignalBar *bar_;
    QCPGraph *curve_;
    QCPGraph *selected_;
    folkrnn::analysis::MaxMagnitude max_;
    std::vector<int> rankOf_;
};

} // namespace folkrnn::widgets

#pragma once
#include "widgets/common/PlotView.h"

#include <QList>
#include <QSharedPointer>
#include <QString>

#include <functional>
#include <memory>

class QCPAxis;
class QCPAxisRect;
class QCPItemStraightLine;
class QCPLayer;

namespace folkrnn { class Model; }
namespace folkrnn::analysis { class WeightAnalysisCache; }

namespace folkrnn::widgets {

class Selection;
class TokenOrder;
class StrideLabelTicker;

// Pieces the analysis views (widgets/analysis/*) share.

// A view of the model's weights (parts 2-4 of the posts): it draws analyses from a
// WeightAnalysisCache shared between views, and follows the Selection's layer, units and token
// but no step (shownStep() is -1). The run, when given, is only used for its vocabulary.
class WeightPlotView : public PlotView {
    Q_OBJECT
public:
    explicit WeightPlotView(QWidget *parent = nullptr);

    // The analyses of the model to show; nullptr shows nothing. Views of one model share one cache.
    void setWeightAnalyses(std::shared_ptr<folkrnn::analysis::WeightAnalysisCache> cache);
    folkrnn::analysis::WeightAnalysisCache *weightAnalyses() const { return cache_.get(); }
    const std::shared_ptr<folkrnn::analysis::WeightAnalysisCache> &sharedWeightAnalyses() const { return cache_; }
    const folkrnn::Model *model() const;
    int shownStep() const override { return -1; }
    // True while a result is being computed off the UI thread.
    bool computing() const { return pending_ > 0; }
    bool figurePending() const override { return computing(); }

protected:
    // The cache was replaced: rebuild everything.
    virtual void weightsChanged() = 0;
    void runChanged() override {}
    // Runs `compute` on a worker thread, then `done` on the UI thread, unless the cache was
    // replaced meanwhile or the view is gone. The cache outlives `compute` (it holds a reference).
    void computeInBackground(std::function<void()> compute, std::function<void()> done);

private:
    std::shared_ptr<folkrnn::analysis::WeightAnalysisCache> cache_;
    int generation_ = 0;
    int pending_ = 0;
};

// A second axis rect under the plot's first (row `row` of the layout), sharing its left/right margins.
QCPAxisRect *addRectBelow(QCustomPlot *plot, int row);
// A vertical line on `rect` for cursors and markers, on `layer`.
QCPItemStraightLine *addVerticalLine(QCustomPlot *plot, QCPAxisRect *rect, QCPLayer *layer);
void placeVerticalLine(QCPItemStraightLine *line, double x, bool visible);
// A token axis in display order (labels rotated), returning its ticker.
QSharedPointer<StrideLabelTicker> installTokenAxis(QCPAxis *axis, const TokenOrder &order);
// The unit list of a click: `unit` alone, or with Ctrl the selection's units with `unit` toggled.
QList<int> clickedUnits(const Selection *selection, int unit, Qt::KeyboardModifiers modifiers);
// "12, 40, 511" (at most `max`, then "…").
QString unitListText(const QList<int> &units, int max = 12);

} // namespace folkrnn::widgets

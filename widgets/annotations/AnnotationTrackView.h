#pragma once
#include "core/analysis/AnnotationTracks.h"
#include "widgets/common/PlotView.h"

#include <QSharedPointer>

class QCPBars;
class QCPColorMap;
class QCPItemRect;
class QCPItemText;

namespace folkrnn::widgets {

class SparseLabelTicker;
class StrideLabelTicker;

// A strip of the run's musical annotation tracks (core/analysis/AnnotationTracks.h) on the shared
// step axis, to sit under any step-axis view: one row each for the bar (alternate shading, with
// its number), the position in the bar (tokens), the time in the bar (share of the bar), the part,
// repeats, endings, the token category and the pitch; thin lines mark the bar lines. Each row's
// colour runs from its smallest to its largest value in the run. A click selects the step.
class AnnotationTrackView : public PlotView {
    Q_OBJECT
public:
    explicit AnnotationTrackView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("annotation-tracks"); }
    QString title() const override;
    int shownStep() const override;
    bool exportCsv(const QString &path) const override;

    const folkrnn::analysis::AnnotationTracks &tracks() const { return tracks_; }
    // Row names, top to bottom.
    static QStringList rowNames();
    // The colour-map value of row `row` at `step` in [0, 1] (NaN where the track says nothing).
    double cellValue(int step, int row) const;

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    void fill();
    void placeCursor();

    folkrnn::analysis::AnnotationTracks tracks_;
    int positionMax_ = 0;           // row scales of this run
    int pitchLow_ = 0;
    int pitchHigh_ = 0;
    QCPColorMap *map_;
    QCPBars *barLines_;
    QCPItemRect *cursor_;
    QList<QCPItemText *> barNumbers_;
    QSharedPointer<StrideLabelTicker> stepTicker_;
    QSharedPointer<SparseLabelTicker> rowTicker_;
};

} // namespace folkrnn::widgets

#pragma once
#include "widgets/analysis/common/AnalysisPlot.h"

#include <QVector>

class QCPGraph;
class QLabel;

namespace folkrnn::widgets {

// Part 2 of the posts: moving token n's pre-softmax value by delta multiplies its probability p
// by alpha = e^delta / (1 - (1 - e^delta) p); conversely delta = log alpha + log((1 - p) /
// (1 - alpha p)). Left: alpha against delta; right: delta against alpha (up to 1/p), for a few
// p and, dashed, for the selected token's probability at the selected step. The note reads the
// posts' example on the run: what +1 on the first selected unit of the last layer would do to
// that token ("increase the probability of '=B,' by a factor of about 4").
class LogitPushView : public WeightPlotView {
    Q_OBJECT
public:
    explicit LogitPushView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("logit-push"); }
    QString title() const override;
    int shownStep() const override { return shownStep_; }
    bool exportCsv(const QString &path) const override;

    // The probabilities drawn (fixed ones, then the selected token's when there is one).
    const QVector<double> &probabilities() const { return probs_; }
    QString note() const;

protected:
    void weightsChanged() override;
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    void redraw();

    QLabel *note_;
    QCPAxisRect *alphaRect_;
    QCPAxisRect *deltaRect_;
    QList<QCPGraph *> alphaCurves_;
    QList<QCPGraph *> deltaCurves_;
    QVector<double> probs_;
    int shownStep_ = -1;
    int drawnStep_ = -1; // the selected step when last drawn, token or not (-1: none in the run)
};

} // namespace folkrnn::widgets

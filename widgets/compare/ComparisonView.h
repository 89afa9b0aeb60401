#pragma once
#include "core/compare/RunComparison.h"
#include "widgets/common/InspectorView.h"

#include <QRectF>

#include <vector>

namespace folkrnn::widgets {

// The untouched (baseline) run next to the intervened one: both tunes as token text with the
// tokens that differ marked, the per-step KL(baseline || intervened) on the step axis, and each
// run's measures as a strip on the same axis (one segment per measure, labelled with its token
// count, coloured by whether it has the meter's length), with the counts summarised above.
// The intervened run is the view's run(); the baseline comes from setBaseline() (the run itself
// when none is given, as with no interventions). In teacher-forced mode both runs consume the
// same tune, so the tokens agree and the KL says what the intervention did to each prediction.
// A click on a token, the plot or a strip selects the step.
class ComparisonView : public InspectorView {
    Q_OBJECT
public:
    explicit ComparisonView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("comparison"); }
    QString title() const override;
    int shownStep() const override { return shownStep_; }
    void render(QPainter &painter, const QRect &target) override;
    bool exportCsv(const QString &path) const override;

    // Set before setRun(): setRun() recomputes the comparison.
    void setBaseline(std::shared_ptr<const folkrnn::Run> baseline);
    const folkrnn::RunComparison &comparison() const { return comparison_; }
    // Where step `step` of the baseline (0) or intervened (1) text was drawn (empty: not drawn).
    QRectF tokenRect(int which, int step) const;

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Layout {
        std::vector<QRectF> tokens[2]; // per step of each tune
        QRectF plot;                   // the KL plot's data rect
        QRectF strips;                 // both measure strips
        int steps = 0;                 // steps on the shared axis
    };
    const folkrnn::Run *baseline() const;
    double stepX(double step) const;
    void drawTune(QPainter &p, QRectF area, int which, const QFont &font);
    void drawKl(QPainter &p, QRectF area, const QFont &font);
    void drawStrips(QPainter &p, QRectF area, const QFont &font);
    QString summary(int which) const;

    std::shared_ptr<const folkrnn::Run> baseline_;
    folkrnn::RunComparison comparison_;
    Layout layout_;
    int shownStep_ = -1;
};

} // namespace folkrnn::widgets

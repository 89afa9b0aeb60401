#pragma once
#include "core/analysis/PatternQuery.h"
#include "widgets/common/InspectorView.h"

#include <memory>
#include <vector>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace folkrnn { class Model; }

namespace folkrnn::widgets {

class CorpusQueryPanel;

// LSTMVis's pattern query on the current run (core/analysis/PatternQuery.h): the Selection's
// step range (or its step, when the range is all steps) is where units must be on, at or above the
// threshold, with `before` and `after` steps off around it; "Find units" lists the units of the
// Selection's layer and signal that do so, ranked by score (mean inside minus the largest value
// outside); clicking rows selects them in the Selection. "Find steps" is the inverse: where the
// Selection's units all do it. Below, the same pattern over a corpus (CorpusQueryPanel), in the
// background: the units found (or the selected ones) and how often they precede bar lines or
// another annotation. The corpus needs the model: setModel().
class PatternQueryView : public InspectorView {
    Q_OBJECT
public:
    explicit PatternQueryView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("pattern-query"); }
    QString title() const override;
    int shownStep() const override { return shownStep_; }
    void render(QPainter &painter, const QRect &target) override;
    // The units found on this run (source "run") and the last corpus result ("corpus").
    bool exportCsv(const QString &path) const override;

    void setModel(std::shared_ptr<const folkrnn::Model> model);
    void setPattern(double threshold, int before, int after, bool below = false);
    folkrnn::analysis::PatternSpec pattern() const; // length: the query range's
    // The steps the query uses: the Selection's range, or its step when the range is all steps.
    bool queryRange(int &first, int &last) const;

    void findUnits();
    void findSteps();
    // Starts the corpus query with the units found (or, if none, the selected units).
    bool runCorpus();

    const std::vector<folkrnn::analysis::UnitPatternScore> &matches() const { return matches_; }
    const std::vector<folkrnn::analysis::PatternOccurrence> &occurrences() const { return occurrences_; }
    int matchLayer() const { return matchLayer_; }
    QTableWidget *unitTable() const { return units_; }
    QTableWidget *stepTable() const { return steps_; }
    CorpusQueryPanel *corpusPanel() const { return corpus_; }

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;

private:
    void updateRangeLabel();
    void selectTableUnits();

    QLabel *range_;
    QDoubleSpinBox *threshold_;
    QSpinBox *before_;
    QSpinBox *after_;
    QCheckBox *below_;
    QPushButton *findUnits_;
    QPushButton *findSteps_;
    QLabel *status_;
    QTableWidget *units_;
    QTableWidget *steps_;
    CorpusQueryPanel *corpus_;
    std::vector<folkrnn::analysis::UnitPatternScore> matches_;
    std::vector<folkrnn::analysis::PatternOccurrence> occurrences_;
    int matchLayer_ = -1;
    folkrnn::Signal matchSignal_ = folkrnn::Signal::H;
    int shownStep_ = -1;
};

} // namespace folkrnn::widgets

#pragma once
#include "core/intervene/Intervention.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace folkrnn::widgets {

class ClampRow;
class Selection;

// The clamp panel: one row per intervention (ClampRow), "add selected units" from the shared
// Selection, "clear all". It owns no interventions: it shows the set it is given and asks for
// each change with changeRequested(); the application makes that an undoable command and calls
// showInterventions() with the result. A slider drag asks once per movement with one merge key,
// so the drag is one undo step; every other edit has its own key.
class ClampPanel : public QWidget {
    Q_OBJECT
public:
    explicit ClampPanel(QWidget *parent = nullptr);

    void setSelection(Selection *selection);
    // The model's shape (0 layers: no model; adding is disabled).
    void setModelShape(int layers, int hidden);
    void showInterventions(const folkrnn::InterventionSet &set);
    const folkrnn::InterventionSet &interventions() const { return set_; }

    int rowCount() const;
    ClampRow *row(int index) const;
    QPushButton *addButton() const { return add_; }
    QPushButton *clearButton() const { return clear_; }

    // The interventions "add selected units" makes: a clamp of h to 0 (an ablation) of each
    // selected unit of the selected layer at every step, skipping units already clamped alone.
    folkrnn::InterventionSet withSelectedUnits() const;

signals:
    void changeRequested(const folkrnn::InterventionSet &set, const QString &description, int mergeKey);

private:
    void rebuild();
    void updateButtons();
    void onRowEdited(int index, const folkrnn::Intervention &item, bool dragging);
    int nextKey() { return ++keyCounter_; }

    folkrnn::InterventionSet set_;
    QPointer<Selection> selection_;
    int layers_ = 0;
    int hidden_ = 0;
    int keyCounter_ = 0;
    int dragKey_ = -1;
    QList<ClampRow *> rows_;
    QVBoxLayout *rowsLayout_;
    QLabel *empty_;
    QPushButton *add_;
    QPushButton *clear_;
};

} // namespace folkrnn::widgets

#pragma once
#include "core/sim/Run.h"

#include <QFlags>
#include <QList>
#include <QObject>

namespace folkrnn::widgets {

// What a Selection change touched; views redraw only the parts that depend on it.
enum class SelectionField : unsigned {
    Step = 0x01,
    Layer = 0x02,
    Signal = 0x04,
    Units = 0x08,
    Token = 0x10,
    StepRange = 0x20,
};
Q_DECLARE_FLAGS(SelectionChange, SelectionField)
Q_DECLARE_OPERATORS_FOR_FLAGS(SelectionChange)
inline constexpr SelectionChange kAllSelectionFields{SelectionChange::fromInt(0x3f)};

// The visible window of steps shared by every view with a step axis; `last < first` means
// "all recorded steps", which follows the run as it grows.
struct StepRange {
    int first = 0;
    int last = -1;
    bool isAll() const { return last < first; }
    bool operator==(const StepRange &) const = default;
};

// Everything the views share about where the user is looking. Plain value: compare, copy, store.
struct SelectionState {
    int step = 0;                        // the step shown as current
    int layer = 0;                       // from 0 (shown from 1)
    folkrnn::Signal signal = folkrnn::Signal::H;
    QList<int> units;                    // selected units of `layer`, in selection order
    int token = -1;                      // a vocabulary id, or -1 for none
    StepRange stepRange;
    bool operator==(const SelectionState &) const = default;
};

// The one shared mutable thing the views see (Sonic Visualiser's ViewManager). A view that is
// clicked changes the Selection; every view listens to changed() and redraws. Setting a value
// equal to the current one emits nothing, so linked views cannot feed back into each other.
class Selection : public QObject {
    Q_OBJECT
public:
    explicit Selection(QObject *parent = nullptr);

    const SelectionState &state() const { return state_; }
    int step() const { return state_.step; }
    int layer() const { return state_.layer; }
    folkrnn::Signal signal() const { return state_.signal; }
    const QList<int> &units() const { return state_.units; }
    int token() const { return state_.token; }
    StepRange stepRange() const { return state_.stepRange; }

    // Replaces the whole state; emits changed() once with the fields that differ.
    void setState(const SelectionState &state);
    void setStep(int step);
    void setLayer(int layer);
    void setSignal(folkrnn::Signal signal);
    void setUnits(const QList<int> &units);
    void toggleUnit(int unit);
    void setToken(int token);
    void setStepRange(StepRange range);
    // A click on a cell names two things at once; one change event carries both.
    void setStepAndToken(int step, int token);
    void setStepAndUnits(int step, const QList<int> &units);

signals:
    void changed(folkrnn::widgets::SelectionChange what);

private:
    SelectionState state_;
};

} // namespace folkrnn::widgets

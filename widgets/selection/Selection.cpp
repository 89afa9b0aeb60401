#include "widgets/selection/Selection.h"

namespace folkrnn::widgets {

Selection::Selection(QObject *parent) : QObject(parent) {}

void Selection::setState(const SelectionState &next)
{
    SelectionChange what;
    if (next.step != state_.step)
        what |= SelectionField::Step;
    if (next.layer != state_.layer)
        what |= SelectionField::Layer;
    if (next.signal != state_.signal)
        what |= SelectionField::Signal;
    if (next.units != state_.units)
        what |= SelectionField::Units;
    if (next.token != state_.token)
        what |= SelectionField::Token;
    if (!(next.stepRange == state_.stepRange))
        what |= SelectionField::StepRange;
    if (!what)
        return;
    state_ = next;
    emit changed(what);
}

void Selection::setStep(int step)
{
    SelectionState s = state_;
    s.step = step;
    setState(s);
}

void Selection::setLayer(int layer)
{
    SelectionState s = state_;
    if (layer != s.layer)
        s.units.clear(); // unit numbers mean other units in another layer
    s.layer = layer;
    setState(s);
}

void Selection::setSignal(folkrnn::Signal signal)
{
    SelectionState s = state_;
    s.signal = signal;
    setState(s);
}

void Selection::setUnits(const QList<int> &units)
{
    SelectionState s = state_;
    s.units = units;
    setState(s);
}

void Selection::toggleUnit(int unit)
{
    SelectionState s = state_;
    if (s.units.contains(unit))
        s.units.removeAll(unit);
    else
        s.units.append(unit);
    setState(s);
}

void Selection::setToken(int token)
{
    SelectionState s = state_;
    s.token = token;
    setState(s);
}

void Selection::setStepRange(StepRange range)
{
    SelectionState s = state_;
    s.stepRange = range;
    setState(s);
}

void Selection::setStepAndToken(int step, int token)
{
    SelectionState s = state_;
    s.step = step;
    s.token = token;
    setState(s);
}

void Selection::setStepAndUnits(int step, const QList<int> &units)
{
    SelectionState s = state_;
    s.step = step;
    s.units = units;
    setState(s);
}

} // namespace folkrnn::widgets

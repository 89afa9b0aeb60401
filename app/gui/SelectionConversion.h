#pragma once
#include "core/session/Session.h"
#include "widgets/selection/Selection.h"

// The Selection as a session stores it (plain data, core/) and back.
namespace folkrnn::gui {

inline folkrnn::SessionSelection toSessionSelection(const widgets::SelectionState &s)
{
    folkrnn::SessionSelection out;
    out.step = s.step;
    out.layer = s.layer;
    out.signal = s.signal;
    out.units.assign(s.units.begin(), s.units.end());
    out.token = s.token;
    out.rangeFirst = s.stepRange.first;
    out.rangeLast = s.stepRange.last;
    return out;
}

inline widgets::SelectionState toSelectionState(const folkrnn::SessionSelection &s)
{
    widgets::SelectionState out;
    out.step = s.step;
    out.layer = s.layer;
    out.signal = s.signal;
    out.units = QList<int>(s.units.begin(), s.units.end());
    out.token = s.token;
    out.stepRange = {s.rangeFirst, s.rangeLast};
    return out;
}

} // namespace folkrnn::gui

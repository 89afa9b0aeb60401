#pragma once
#include "core/intervene/Intervention.h"

#include <QUndoCommand>

namespace folkrnn::gui {

class Document;

// A change of the intervention set as one undoable step. Each direction sets the exact set it
// names and brings the run back to the length it had, so undo restores tokens and trace exactly
// (the RNG stream is kept, so the same set gives the same run). Consecutive changes with the same
// non-negative merge key (one slider drag, `ClampPanel` gives each gesture its own key) merge
// into one step that goes back to the set before the drag.
class InterventionCommand : public QUndoCommand {
public:
    InterventionCommand(Document *document, folkrnn::InterventionSet before, int beforeLength,
                        folkrnn::InterventionSet after, int afterLength, const QString &text, int mergeKey);

    void redo() override;
    void undo() override;
    int id() const override { return mergeKey_ >= 0 ? kId : -1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    static constexpr int kId = 0x1c1a;
    Document *document_;
    folkrnn::InterventionSet before_, after_;
    int beforeLength_, afterLength_;
    int mergeKey_;
};

} // namespace folkrnn::gui

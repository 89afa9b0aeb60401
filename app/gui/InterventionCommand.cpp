#include "InterventionCommand.h"

#include "Document.h"

namespace folkrnn::gui {

InterventionCommand::InterventionCommand(Document *document, folkrnn::InterventionSet before, int beforeLength,
                                         folkrnn::InterventionSet after, int afterLength, const QString &text,
                                         int mergeKey)
    : QUndoCommand(text), document_(document), before_(std::move(before)), after_(std::move(after)),
      beforeLength_(beforeLength), afterLength_(afterLength), mergeKey_(mergeKey)
{
}

void InterventionCommand::redo()
{
    // A negative length (where setInterventions would take the run) stays so: undo restores the
    // state this command started from, so the same rule gives the same run on every redo.
    document_->applyInterventions(after_, afterLength_);
}

void InterventionCommand::undo() { document_->applyInterventions(before_, beforeLength_); }

bool InterventionCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const InterventionCommand *>(other);
    if (!next || next->mergeKey_ != mergeKey_)
        return false;
    after_ = next->after_;
    afterLength_ = next->afterLength_;
    return true;
}

} // namespace folkrnn::gui

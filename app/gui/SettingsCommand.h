#pragma once
#include "core/sim/Generator.h"

#include <QUndoCommand>

namespace folkrnn::gui {

class Document;

// A change of the generation settings (seed, temperature, prime, max length, traced tune) as one
// undoable step: each direction rebuilds the generator and runs it to the length it had.
class SettingsCommand : public QUndoCommand {
public:
    SettingsCommand(Document *document, folkrnn::GenerationSettings before, int beforeLength,
                    folkrnn::GenerationSettings after, int afterLength);

    void redo() override;
    void undo() override;

private:
    Document *document_;
    folkrnn::GenerationSettings before_;
    folkrnn::GenerationSettings after_;
    int beforeLength_;
    int afterLength_;
};

} // namespace folkrnn::gui

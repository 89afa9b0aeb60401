#include "SettingsCommand.h"

#include "Document.h"

#include <QCoreApplication>

namespace folkrnn::gui {

namespace {

// lupdate files a tr() call under its enclosing class; a free function has none, so its strings
// take the context "SettingsCommand" from this class.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(SettingsCommand)
};

QString describe(const folkrnn::GenerationSettings &before, const folkrnn::GenerationSettings &after)
{
    if (after.teacherForced() && !before.teacherForced())
        return Text::tr("Trace a tune");
    if (!after.teacherForced() && before.teacherForced())
        return Text::tr("Back to sampling");
    if (after.teacherForced())
        return Text::tr("Trace another tune");
    if (after.seed != before.seed)
        return Text::tr("Set seed %1").arg(after.seed);
    if (after.temperature != before.temperature)
        return Text::tr("Set temperature %1").arg(after.temperature);
    if (after.prime != before.prime)
        return Text::tr("Set prime");
    return Text::tr("Set max length %1").arg(after.maxLength);
}

} // namespace

SettingsCommand::SettingsCommand(Document *document, folkrnn::GenerationSettings before, int beforeLength,
                                 folkrnn::GenerationSettings after, int afterLength)
    : QUndoCommand(describe(before, after)), document_(document), before_(std::move(before)),
      after_(std::move(after)), beforeLength_(beforeLength), afterLength_(afterLength)
{
}

void SettingsCommand::redo() { document_->applySettings(after_, afterLength_); }

void SettingsCommand::undo() { document_->applySettings(before_, beforeLength_); }

} // namespace folkrnn::gui

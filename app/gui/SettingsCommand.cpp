#include "SettingsCommand.h"

#include "Document.h"

#include <QCoreApplication>

namespace folkrnn::gui {

namespace {

QString describe(const folkrnn::GenerationSettings &before, const folkrnn::GenerationSettings &after)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("SettingsCommand", text); };
    if (after.teacherForced() && !before.teacherForced())
        return tr("Trace a tune");
    if (!after.teacherForced() && before.teacherForced())
        return tr("Back to sampling");
    if (after.teacherForced())
        return tr("Trace another tune");
    if (after.seed != before.seed)
        return tr("Set seed %1").arg(after.seed);
    if (after.temperature != before.temperature)
        return tr("Set temperature %1").arg(after.temperature);
    if (after.prime != before.prime)
        return tr("Set prime");
    return tr("Set max length %1").arg(after.maxLength);
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

#pragma once
#include <QString>

class QMessageBox;
class QWidget;

namespace folkrnn { class Model; }

namespace folkrnn::gui {

// Shows an error without blocking: a window-modal message box that deletes itself when closed
// (tests find it as the window's child QMessageBox and close it). Returns the box.
QMessageBox *showError(QWidget *parent, const QString &title, const QString &text);

// The file dialog filter for model files (Open Model, Locate Model).
QString modelFileFilter();

// The About box text: version, and where the open model came from (rich text, escaped).
QString aboutText(const folkrnn::Model *model, const QString &modelPath);

} // namespace folkrnn::gui

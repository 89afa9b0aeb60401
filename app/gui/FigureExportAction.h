#pragma once

class QAction;
class QMainWindow;

namespace folkrnn::gui {

class ViewDocks;

// File > Export Figure…: the export dialog (widgets/common/FigureExportDialog) over the views on
// screen, starting with the one that has the keyboard focus.
QAction *makeFigureExportAction(QMainWindow *window, ViewDocks *docks);

} // namespace folkrnn::gui

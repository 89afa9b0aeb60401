#pragma once
#include <QObject>

class QAction;
class QMainWindow;

namespace folkrnn::gui {

// Every command of the main window as a QAction with its shortcut, created once; menus and the
// toolbar show the same objects.
struct InspectorActions {
    explicit InspectorActions(QMainWindow *window);

    QAction *openModel;
    QAction *exportViews;
    QAction *quit;
    QAction *stepForward;
    QAction *stepBack;
    QAction *runToEnd;
    QAction *cancel;
    QAction *reset;
    QAction *firstStep;
    QAction *previousStep;
    QAction *nextStep;
    QAction *lastStep;
    QAction *playPause;
    QAction *stopPlayback;
    QAction *playFromStep;
    QAction *resetLayout;
    QAction *about;
    QAction *aboutQt;
};

} // namespace folkrnn::gui

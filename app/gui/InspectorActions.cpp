#include "InspectorActions.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QMainWindow>
#include <QStyle>

namespace folkrnn::gui {

namespace {

QAction *make(QMainWindow *w, const QString &text, const QList<QKeySequence> &keys, const QString &tip,
              QStyle::StandardPixmap icon = QStyle::SP_CustomBase)
{
    auto *a = new QAction(text, w);
    a->setShortcuts(keys);
    if (icon != QStyle::SP_CustomBase)
        a->setIcon(w->style()->standardIcon(icon));
    QString shortcut = keys.isEmpty() ? QString() : keys.front().toString(QKeySequence::NativeText);
    a->setToolTip(shortcut.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, shortcut));
    a->setStatusTip(tip);
    // Window-wide, so a shortcut works whichever dock has the focus.
    a->setShortcutContext(Qt::WindowShortcut);
    w->addAction(a);
    return a;
}

} // namespace

InspectorActions::InspectorActions(QMainWindow *w)
{
    openModel = make(w, QMainWindow::tr("&Open Model…"), {QKeySequence::Open},
                     QMainWindow::tr("Open a folk-rnn model (HDF5 or .pkl)"), QStyle::SP_DialogOpenButton);
    exportViews = make(w, QMainWindow::tr("&Export All Views…"), {QKeySequence(Qt::CTRL | Qt::Key_E)},
                       QMainWindow::tr("Write every view as PNG, SVG, PDF and CSV into a folder"));
    quit = make(w, QMainWindow::tr("&Quit"), {QKeySequence::Quit}, QMainWindow::tr("Quit the inspector"));
    stepForward = make(w, QMainWindow::tr("Step &Forward"), {QKeySequence(Qt::Key_F10), QKeySequence(Qt::CTRL | Qt::Key_Right)},
                       QMainWindow::tr("Generate the next token"), QStyle::SP_MediaSeekForward);
    stepBack = make(w, QMainWindow::tr("Step &Back"), {QKeySequence(Qt::SHIFT | Qt::Key_F10), QKeySequence(Qt::CTRL | Qt::Key_Left)},
                    QMainWindow::tr("Undo the last generated token"), QStyle::SP_MediaSeekBackward);
    runToEnd = make(w, QMainWindow::tr("&Run to End"), {QKeySequence(Qt::Key_F5)},
                    QMainWindow::tr("Generate until </s> or the maximum length"), QStyle::SP_MediaPlay);
    cancel = make(w, QMainWindow::tr("&Cancel Run"), {QKeySequence(Qt::Key_Escape)},
                  QMainWindow::tr("Stop a running generation"), QStyle::SP_MediaStop);
    reset = make(w, QMainWindow::tr("R&eset"), {QKeySequence(Qt::CTRL | Qt::Key_Backspace)},
                 QMainWindow::tr("Back to the start of the tune (same seed)"), QStyle::SP_BrowserReload);
    firstStep = make(w, QMainWindow::tr("&First Step"), {QKeySequence(Qt::Key_Home)}, QMainWindow::tr("Go to step 0"),
                     QStyle::SP_MediaSkipBackward);
    previousStep = make(w, QMainWindow::tr("&Previous Step"), {QKeySequence(Qt::Key_Left)},
                        QMainWindow::tr("Look at the previous step"), QStyle::SP_ArrowLeft);
    nextStep = make(w, QMainWindow::tr("&Next Step"), {QKeySequence(Qt::Key_Right)},
                    QMainWindow::tr("Look at the next recorded step"), QStyle::SP_ArrowRight);
    lastStep = make(w, QMainWindow::tr("&Last Step"), {QKeySequence(Qt::Key_End)},
                    QMainWindow::tr("Go to the last recorded step"), QStyle::SP_MediaSkipForward);
    playPause = make(w, QMainWindow::tr("&Play / Pause"), {QKeySequence(Qt::Key_F6)},
                     QMainWindow::tr("Play the tune, every view following the sounding note"), QStyle::SP_MediaPlay);
    stopPlayback = make(w, QMainWindow::tr("&Stop Playing"), {QKeySequence(Qt::SHIFT | Qt::Key_F6)},
                        QMainWindow::tr("Stop the tune"), QStyle::SP_MediaStop);
    playFromStep = make(w, QMainWindow::tr("Play from Current &Step"), {QKeySequence(Qt::CTRL | Qt::Key_F6)},
                        QMainWindow::tr("Play the tune from the selected step"), QStyle::SP_MediaSeekForward);
    resetLayout = make(w, QMainWindow::tr("Reset &Layout"), {}, QMainWindow::tr("Put every view back in its place"));
    about = make(w, QMainWindow::tr("&About folk-rnn Inspector"), {}, QMainWindow::tr("Version and model provenance"));
    aboutQt = make(w, QMainWindow::tr("About &Qt"), {}, QMainWindow::tr("Qt version and licence"));
    quit->setMenuRole(QAction::QuitRole);
    about->setMenuRole(QAction::AboutRole);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

} // namespace folkrnn::gui

#include "FigureExportAction.h"

#include "ViewDocks.h"

#include "widgets/common/FigureExportDialog.h"
#include "widgets/common/InspectorView.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>

namespace folkrnn::gui {

QAction *makeFigureExportAction(QMainWindow *window, ViewDocks *docks)
{
    auto *action = new QAction(QMainWindow::tr("Export &Figure…"), window);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    action->setStatusTip(QMainWindow::tr("Export one view as PNG, SVG, PDF or CSV"));
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    QObject::connect(action, &QAction::triggered, window, [window, docks] {
        QList<widgets::InspectorView *> shown;
        widgets::InspectorView *current = nullptr;
        for (widgets::InspectorView *v : docks->views()) {
            if (!v->isVisible())
                continue; // a closed view holds no run
            shown << v;
            if (QWidget *focus = QApplication::focusWidget(); focus && (focus == v || v->isAncestorOf(focus)))
                current = v;
        }
        if (!shown.isEmpty())
            widgets::FigureExportDialog(shown, current ? current : shown.front(), QString(), window).exec();
    });
    return action;
}

} // namespace folkrnn::gui

#include "FigureRenderer.h"

#include "SelectionConversion.h"
#include "ViewDocks.h"

#include "core/util/Error.h"
#include "widgets/common/InspectorView.h"
#include "widgets/common/PlotView.h"
#include "widgets/selection/Selection.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QMainWindow>

#include <cstdio>

namespace folkrnn::figures {

namespace {

// A command line tool answers with its own one-line messages; Qt's notes about the platform
// ("XDG_RUNTIME_DIR not set", font fallbacks) would break that. Set FOLKRNN_QT_MESSAGES=1 to see them.
void quietMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg || qEnvironmentVariableIsSet("FOLKRNN_QT_MESSAGES"))
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

} // namespace

std::unique_ptr<QCoreApplication> makeRenderingApplication(int &argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietMessages);
    // Only the program name: QGuiApplication would take "--session FILE" (X11 session
    // management) and other Qt options out of the command's own arguments.
    static int qtArgc = 1;
    static char *qtArgv[] = {argc > 0 ? argv[0] : nullptr, nullptr};
    return std::make_unique<QApplication>(qtArgc, qtArgv);
}

QStringList renderFigures(const FigureJob &job)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        throw folkrnn::InputError("export-figures", "needs a QApplication (makeRenderingApplication)");
    // The same views, in the same docks, as the inspector window; the window is never shown.
    QMainWindow window;
    window.resize(job.size);
    widgets::Selection selection;
    gui::ViewDocks docks(&window, &selection);
    docks.setModel(job.model);
    docks.setRun(job.run);
    selection.setState(gui::toSelectionState(job.selection));

    // exportAll() waits for what a view computes in the background (the staff, weight analyses).
    QList<QPair<QDockWidget *, widgets::InspectorView *>> lent;
    const auto ready = [&](widgets::InspectorView *view) {
        QCoreApplication::processEvents();
        if (!qobject_cast<widgets::PlotView *>(view)) {
            // A view drawn from its child widgets (the tune and its staff, the pattern query) is
            // laid out only when shown, and the staff is engraved for the width it is laid out
            // at: show it alone (offscreen) at the figure's size.
            lent.append({qobject_cast<QDockWidget *>(view->parentWidget()), view});
            view->setParent(nullptr);
            view->resize(job.size);
            view->show();
            QCoreApplication::processEvents();
            if (QWidget *focused = QApplication::focusWidget())
                focused->clearFocus(); // no text caret in the figure
        }
    };
    const QStringList failed = docks.exportAll(job.outDir, job.formats, job.size, job.dpi, ready);
    for (const auto &[dock, view] : lent) {
        view->hide();
        if (dock)
            dock->setWidget(view); // back where ViewDocks keeps it
    }
    if (!failed.isEmpty())
        throw folkrnn::InputError(failed.front().toStdString(), "could not be written");
    QStringList written;
    const QDir dir(job.outDir);
    for (widgets::InspectorView *v : docks.views())
        for (const QString &f : job.formats)
            written << dir.filePath(v->viewId() + QLatin1Char('.') + f);
    return written;
}

} // namespace folkrnn::figures

#pragma once
#include <QList>
#include <QObject>
#include <QSize>
#include <QStringList>

#include <functional>
#include <memory>

class QDockWidget;
class QMainWindow;

namespace folkrnn { class Run; }
namespace folkrnn::widgets {
class InspectorView;
class Selection;
} // namespace folkrnn::widgets

namespace folkrnn::gui {

// The inspector's views, each in a dock of the main window, all following one Selection.
// Adding a view is one line in the constructor.
class ViewDocks : public QObject {
    Q_OBJECT
public:
    ViewDocks(QMainWindow *window, widgets::Selection *selection);

    const QList<widgets::InspectorView *> &views() const { return views_; }
    const QList<QDockWidget *> &docks() const { return docks_; }
    widgets::InspectorView *view(const QString &viewId) const;

    void setRun(const std::shared_ptr<const folkrnn::Run> &run);
    // Places the docks in the default arrangement around `controls` (the settings dock).
    void arrangeDefault(QDockWidget *controls);
    // Writes every view into `directory`, one file per view and suffix named after the view id,
    // at `size` logical pixels (empty: each view's own) and `dpi` for raster images; returns the
    // files that failed. `ready`, when given, is called for each view before its files are written.
    QStringList exportAll(const QString &directory,
                          const QStringList &suffixes = {QStringLiteral("png"), QStringLiteral("svg"),
                                                         QStringLiteral("pdf"), QStringLiteral("csv")},
                          QSize size = {}, int dpi = 96,
                          const std::function<void(widgets::InspectorView *)> &ready = {});

private:
    QDockWidget *dockFor(widgets::InspectorView *view);

    QMainWindow *window_;
    QList<widgets::InspectorView *> views_;
    QList<QDockWidget *> docks_;
};

} // namespace folkrnn::gui

#pragma once
#include <QList>
#include <QObject>
#include <QSize>
#include <QStringList>

#include <functional>
#include <memory>

class QDockWidget;
class QMainWindow;

namespace folkrnn {
class Model;
class Run;
} // namespace folkrnn
namespace folkrnn::analysis { class WeightAnalysisCache; }
namespace folkrnn::widgets {
class InspectorView;
class Selection;
} // namespace folkrnn::widgets

namespace folkrnn::gui {

// The inspector's views, each in a dock of the main window, all following one Selection.
// Adding a view is one line in the constructor.
//
// A view whose dock is closed or behind another tab is detached (it holds no run, and a weight
// view no analyses) and is attached again when it shows: stepping through a tune then costs only
// what is on screen, and a model change computes no analysis nobody looks at. Every attached
// view always shows the current run and model.
class ViewDocks : public QObject {
    Q_OBJECT
public:
    // Where a view belongs in the Analysis menu.
    enum class Group { Main, Run, Weights, Query };

    ViewDocks(QMainWindow *window, widgets::Selection *selection);

    const QList<widgets::InspectorView *> &views() const { return views_; }
    const QList<QDockWidget *> &docks() const { return docks_; }
    widgets::InspectorView *view(const QString &viewId) const;
    QDockWidget *dock(const QString &viewId) const;
    // The docks of one group, in menu order.
    QList<QDockWidget *> docks(Group group) const;
    // Shows the view's dock and brings it to the front of its tab group.
    void showView(const QString &viewId);

    void setModel(const std::shared_ptr<const folkrnn::Model> &model);
    // `unchangedSteps`: leading steps the same as in the run given before (InspectorView::setRun).
    void setRun(const std::shared_ptr<const folkrnn::Run> &run, int unchangedSteps = 0);
    // Places the docks in the default arrangement around `controls` (the settings dock): the main
    // views visible, the analyses closed, each opening as a tab over the log-probabilities.
    void arrangeDefault(QDockWidget *controls);
    // Writes every view (closed ones too) into `directory`, one file per view and suffix named
    // after the view id, at `size` logical pixels (empty: each view's own) and `dpi` for raster
    // images; returns the files that failed. `ready`, when given, is called once a closed view
    // has its run (e.g. to wait for staff engraving) before its files are written.
    QStringList exportAll(const QString &directory,
                          const QStringList &suffixes = {QStringLiteral("png"), QStringLiteral("svg"),
                                                         QStringLiteral("pdf"), QStringLiteral("csv")},
                          QSize size = {}, int dpi = 96,
                          const std::function<void(widgets::InspectorView *)> &ready = {});

private:
    void add(widgets::InspectorView *view, Group group);
    bool eventFilter(QObject *watched, QEvent *event) override;
    void scheduleSync(int index);
    bool onScreen(int index) const;
    // Gives view `index` the run and analyses (on) or takes them away.
    void attach(int index, bool on);

    QMainWindow *window_;
    QList<widgets::InspectorView *> views_;
    QList<QDockWidget *> docks_;
    QList<Group> groups_;
    QList<bool> showing_; // attached
    std::shared_ptr<const folkrnn::Run> run_;
    std::shared_ptr<folkrnn::analysis::WeightAnalysisCache> cache_;
};

} // namespace folkrnn::gui

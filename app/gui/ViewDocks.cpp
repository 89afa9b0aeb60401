#include "ViewDocks.h"

#include "widgets/abc/AbcView.h"
#include "widgets/activation/ActivationHeatmapView.h"
#include "widgets/distribution/DistributionView.h"
#include "widgets/heatmap/LogProbHeatmapView.h"
#include "widgets/stepstats/StepStatsView.h"
#include "widgets/traces/UnitTracesView.h"

#include <QDir>
#include <QDockWidget>
#include <QMainWindow>

namespace folkrnn::gui {

ViewDocks::ViewDocks(QMainWindow *window, widgets::Selection *selection) : QObject(window), window_(window)
{
    views_ << new widgets::LogProbHeatmapView << new widgets::AbcView << new widgets::DistributionView
           << new widgets::StepStatsView << new widgets::ActivationHeatmapView << new widgets::UnitTracesView;
    for (widgets::InspectorView *v : views_) {
        v->setSelection(selection);
        docks_ << dockFor(v);
    }
}

QDockWidget *ViewDocks::dockFor(widgets::InspectorView *view)
{
    auto *dock = new QDockWidget(view->title(), window_);
    dock->setObjectName(QStringLiteral("dock-") + view->viewId()); // saveState() keys
    dock->setWidget(view);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    return dock;
}

widgets::InspectorView *ViewDocks::view(const QString &viewId) const
{
    for (widgets::InspectorView *v : views_)
        if (v->viewId() == viewId)
            return v;
    return nullptr;
}

void ViewDocks::setRun(const std::shared_ptr<const folkrnn::Run> &run)
{
    for (widgets::InspectorView *v : views_)
        v->setRun(run);
}

void ViewDocks::arrangeDefault(QDockWidget *controls)
{
    // Left column: controls, the tune, the distribution at the step. Right: the pictures over
    // steps, one above the other so that their step axes line up.
    const auto dock = [this](const char *id) { return docks_.at(views_.indexOf(view(QString::fromLatin1(id)))); };
    QDockWidget *heatmap = dock("logprob-heatmap");
    QDockWidget *abc = dock("abc");
    QDockWidget *distribution = dock("distribution");
    QDockWidget *stats = dock("step-statistics");
    QDockWidget *activation = dock("activation-heatmap");
    QDockWidget *traces = dock("unit-traces");
    for (QDockWidget *d : docks_ + QList<QDockWidget *>{controls}) {
        d->setFloating(false);
        d->show();
        window_->removeDockWidget(d);
    }
    window_->addDockWidget(Qt::LeftDockWidgetArea, controls);
    window_->addDockWidget(Qt::RightDockWidgetArea, heatmap);
    window_->splitDockWidget(controls, abc, Qt::Vertical);
    window_->splitDockWidget(abc, distribution, Qt::Vertical);
    window_->splitDockWidget(heatmap, activation, Qt::Vertical);
    window_->splitDockWidget(activation, stats, Qt::Vertical);
    window_->splitDockWidget(stats, traces, Qt::Horizontal);
    for (QDockWidget *d : docks_ + QList<QDockWidget *>{controls})
        d->show();
    const int w = window_->width(), h = window_->height();
    window_->resizeDocks({controls, heatmap}, {int(w * 0.34), int(w * 0.66)}, Qt::Horizontal);
    window_->resizeDocks({controls, abc, distribution}, {int(h * 0.22), int(h * 0.42), int(h * 0.36)}, Qt::Vertical);
    window_->resizeDocks({heatmap, activation, stats}, {int(h * 0.40), int(h * 0.32), int(h * 0.28)}, Qt::Vertical);
}

QStringList ViewDocks::exportAll(const QString &directory, const QStringList &suffixes, QSize size, int dpi,
                                 const std::function<void(widgets::InspectorView *)> &ready)
{
    QStringList failed;
    const QDir dir(directory);
    for (widgets::InspectorView *v : views_) {
        if (ready)
            ready(v);
        for (const QString &suffix : suffixes) {
            const QString path = dir.filePath(v->viewId() + QLatin1Char('.') + suffix);
            const bool ok = suffix == QLatin1String("png") ? v->exportImage(path, size, dpi) : v->exportFile(path, size);
            if (!ok)
                failed << path;
        }
    }
    return failed;
}

} // namespace folkrnn::gui

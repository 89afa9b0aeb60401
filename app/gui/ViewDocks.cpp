#include "ViewDocks.h"

#include "core/analysis/WeightAnalysisCache.h"
#include "widgets/abc/AbcView.h"
#include "widgets/activation/ActivationHeatmapView.h"
#include "widgets/analysis/gateinputs/GateInputsView.h"
#include "widgets/analysis/gramian/GramianView.h"
#include "widgets/analysis/logitpush/LogitPushView.h"
#include "widgets/analysis/maxmagnitude/MaxMagnitudeView.h"
#include "widgets/analysis/sorted/SortedActivationsView.h"
#include "widgets/analysis/spectrum/UnitSpectrumView.h"
#include "widgets/analysis/subspace/GateSubspaceView.h"
#include "widgets/analysis/svd/SoftmaxSvdView.h"
#include "widgets/analysis/tokenassoc/TokenAssociationView.h"
#include "widgets/annotations/AnnotationTrackView.h"
#include "widgets/distribution/DistributionView.h"
#include "widgets/heatmap/LogProbHeatmapView.h"
#include "widgets/query/PatternQueryView.h"
#include "widgets/stepstats/StepStatsView.h"
#include "widgets/traces/UnitTracesView.h"

#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

namespace folkrnn::gui {

using widgets::InspectorView;
using widgets::WeightPlotView;

ViewDocks::ViewDocks(QMainWindow *window, widgets::Selection *selection) : QObject(window), window_(window)
{
    for (InspectorView *v : std::initializer_list<InspectorView *>{new widgets::LogProbHeatmapView, new widgets::AbcView,
                             new widgets::DistributionView, new widgets::StepStatsView,
                             new widgets::ActivationHeatmapView, new widgets::UnitTracesView,
                             new widgets::AnnotationTrackView})
        add(v, Group::Main);
    // The Analysis menu's order: the posts' run analyses (part 5), then the weights (parts 2-4).
    for (InspectorView *v : std::initializer_list<InspectorView *>{new widgets::SortedActivationsView,
                             new widgets::MaxMagnitudeView, new widgets::UnitSpectrumView,
                             new widgets::TokenAssociationView})
        add(v, Group::Run);
    for (InspectorView *v : std::initializer_list<InspectorView *>{new widgets::SoftmaxSvdView, new widgets::LogitPushView,
                             new widgets::GramianView, new widgets::GateInputsView, new widgets::GateSubspaceView})
        add(v, Group::Weights);
    add(new widgets::PatternQueryView, Group::Query);
    for (InspectorView *v : views_)
        v->setSelection(selection);
}

void ViewDocks::add(InspectorView *view, Group group)
{
    auto *dock = new QDockWidget(view->title(), window_);
    dock->setObjectName(QStringLiteral("dock-") + view->viewId()); // saveState() keys
    dock->setWidget(view);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    const int index = int(views_.size());
    views_ << view;
    docks_ << dock;
    groups_ << group;
    showing_ << false;
    // Closed, opened, or its tab chosen: the view is shown or hidden (visibilityChanged() misses a
    // tab that becomes the only one left, the view's own show and hide events do not).
    view->installEventFilter(this);
    dock->installEventFilter(this); // a tab put behind another is moved out of the window
    connect(dock, &QDockWidget::visibilityChanged, this, [this, index] { scheduleSync(index); });
}

InspectorView *ViewDocks::view(const QString &viewId) const
{
    for (InspectorView *v : views_)
        if (v->viewId() == viewId)
            return v;
    return nullptr;
}

QDockWidget *ViewDocks::dock(const QString &viewId) const
{
    InspectorView *v = view(viewId);
    return v ? docks_.at(views_.indexOf(v)) : nullptr;
}

QList<QDockWidget *> ViewDocks::docks(Group group) const
{
    QList<QDockWidget *> out;
    for (int k = 0; k < docks_.size(); ++k)
        if (groups_[k] == group)
            out << docks_[k];
    return out;
}

void ViewDocks::showView(const QString &viewId)
{
    if (QDockWidget *d = dock(viewId)) {
        d->show();
        d->raise();
        const int index = int(docks_.indexOf(d));
        if (onScreen(index) && !showing_[index]) // at once: the caller may read the view next
            attach(index, true);
    }
}

void ViewDocks::setModel(const std::shared_ptr<const folkrnn::Model> &model)
{
    cache_ = model ? std::make_shared<analysis::WeightAnalysisCache>(model) : nullptr;
    if (auto *query = qobject_cast<widgets::PatternQueryView *>(view(QStringLiteral("pattern-query"))))
        query->setModel(model);
    for (int k = 0; k < views_.size(); ++k)
        if (auto *w = qobject_cast<WeightPlotView *>(views_[k]))
            w->setWeightAnalyses(showing_[k] ? cache_ : nullptr);
}

void ViewDocks::setRun(const std::shared_ptr<const folkrnn::Run> &run, int unchangedSteps)
{
    run_ = run;
    for (int k = 0; k < views_.size(); ++k) {
        // Visibility is checked here too, not only when its events have been handled.
        showing_[k] = onScreen(k);
        if (showing_[k] || qobject_cast<WeightPlotView *>(views_[k])) // weight views read only the vocabulary
            views_[k]->setRun(run, unchangedSteps);
        else if (views_[k]->run())
            views_[k]->setRun(nullptr);
    }
}

bool ViewDocks::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type t = event->type();
    if (t == QEvent::Show || t == QEvent::Hide || t == QEvent::Resize || t == QEvent::Move)
        for (int k = 0; k < views_.size(); ++k)
            if (watched == views_[k] || watched == docks_[k])
                scheduleSync(k);
    return QObject::eventFilter(watched, event);
}

void ViewDocks::scheduleSync(int index)
{
    // Once the event is over (a relayout shows and hides docks in passing), and again once the
    // main window's layout has settled (a tab left alone is moved back without an event).
    const auto sync = [this, index] {
        if (onScreen(index) != showing_[index])
            attach(index, onScreen(index));
    };
    QTimer::singleShot(0, this, sync);
    QTimer::singleShot(150, this, sync);
}

bool ViewDocks::onScreen(int index) const
{
    // A dock behind another tab stays "visible", moved out of the window.
    const QDockWidget *d = docks_[index];
    // Not laid out yet (empty) counts as on screen.
    return views_[index]->isVisible() &&
           (d->isFloating() || d->geometry().isEmpty() || window_->rect().intersects(d->geometry()));
}

void ViewDocks::attach(int index, bool on)
{
    showing_[index] = on;
    InspectorView *v = views_[index];
    if (auto *w = qobject_cast<WeightPlotView *>(v)) {
        // The cache keeps what was computed: a view shown again redraws at once.
        if (on && w->sharedWeightAnalyses() != cache_)
            w->setWeightAnalyses(cache_);
        if (v->sharedRun() != run_)
            v->setRun(run_);
        return;
    }
    v->setRun(on ? run_ : nullptr);
}

void ViewDocks::arrangeDefault(QDockWidget *controls)
{
    // Left column: controls, the tune, the distribution at the step. Right: the pictures over
    // steps, one above the other so that their step axes line up, the annotation tracks under
    // the log-probabilities. The analyses start closed, each a tab over the log-probabilities.
    QDockWidget *heatmap = dock(QStringLiteral("logprob-heatmap"));
    QDockWidget *annotations = dock(QStringLiteral("annotation-tracks"));
    QDockWidget *abc = dock(QStringLiteral("abc"));
    QDockWidget *distribution = dock(QStringLiteral("distribution"));
    QDockWidget *stats = dock(QStringLiteral("step-statistics"));
    QDockWidget *activation = dock(QStringLiteral("activation-heatmap"));
    QDockWidget *traces = dock(QStringLiteral("unit-traces"));
    QList<QDockWidget *> analyses = docks(Group::Run) + docks(Group::Weights) + docks(Group::Query);
    for (QDockWidget *d : docks_ + QList<QDockWidget *>{controls}) {
        d->setFloating(false);
        if (!analyses.contains(d))
            d->show();
        window_->removeDockWidget(d);
    }
    window_->addDockWidget(Qt::LeftDockWidgetArea, controls);
    window_->addDockWidget(Qt::RightDockWidgetArea, heatmap);
    window_->splitDockWidget(controls, abc, Qt::Vertical);
    window_->splitDockWidget(abc, distribution, Qt::Vertical);
    window_->splitDockWidget(heatmap, annotations, Qt::Vertical);
    window_->splitDockWidget(annotations, activation, Qt::Vertical);
    window_->splitDockWidget(activation, stats, Qt::Vertical);
    window_->splitDockWidget(stats, traces, Qt::Horizontal);
    for (QDockWidget *d : analyses)
        window_->tabifyDockWidget(heatmap, d);
    for (QDockWidget *d : docks(Group::Main) + QList<QDockWidget *>{controls})
        d->show();
    for (QDockWidget *d : analyses)
        d->hide();
    heatmap->raise();
    const int w = window_->width(), h = window_->height();
    window_->resizeDocks({controls, heatmap}, {int(w * 0.34), int(w * 0.66)}, Qt::Horizontal);
    window_->resizeDocks({controls, abc, distribution}, {int(h * 0.22), int(h * 0.42), int(h * 0.36)}, Qt::Vertical);
    window_->resizeDocks({heatmap, annotations, activation, stats}, {int(h * 0.34), int(h * 0.16), int(h * 0.27), int(h * 0.23)},
                         Qt::Vertical);
}

QStringList ViewDocks::exportAll(const QString &directory, const QStringList &suffixes, QSize size, int dpi,
                                 const std::function<void(widgets::InspectorView *)> &ready)
{
    QStringList failed;
    const QDir dir(directory);
    for (int k = 0; k < views_.size(); ++k) {
        // A closed view is attached for its export, then detached again.
        const bool wasShowing = showing_[k];
        if (!wasShowing)
            attach(k, true);
        if (ready)
            ready(views_[k]);
        // A view just attached starts what it computes off the UI thread (a weight analysis, the
        // engraved staff): draw it when that has arrived, not empty.
        views_[k]->waitForFigure();
        for (const QString &suffix : suffixes) {
            const QString path = dir.filePath(views_[k]->viewId() + QLatin1Char('.') + suffix);
            const bool ok = suffix == QLatin1String("png") ? views_[k]->exportImage(path, size, dpi)
                                                           : views_[k]->exportFile(path, size);
            if (!ok)
                failed << path;
        }
        if (!wasShowing)
            attach(k, false);
    }
    return failed;
}

} // namespace folkrnn::gui

#include "InterventionDocks.h"

#include "Document.h"
#include "Messages.h"

#include "core/util/Error.h"
#include "widgets/compare/ComparisonView.h"
#include "widgets/intervene/ClampPanel.h"

#include <QDockWidget>
#include <QMainWindow>

namespace folkrnn::gui {

InterventionDocks::InterventionDocks(QMainWindow *window, Document *document)
    : QObject(window), window_(window), document_(document), panel_(new widgets::ClampPanel),
      view_(new widgets::ComparisonView), clampDock_(new QDockWidget(tr("Interventions"), window)),
      comparisonDock_(new QDockWidget(view_->title(), window))
{
    clampDock_->setObjectName(QStringLiteral("dock-interventions"));
    clampDock_->setWidget(panel_);
    comparisonDock_->setObjectName(QStringLiteral("dock-") + view_->viewId());
    comparisonDock_->setWidget(view_);
    panel_->setSelection(document_->selection());
    view_->setSelection(document_->selection());
    connect(panel_, &widgets::ClampPanel::changeRequested, this,
            [this](const folkrnn::InterventionSet &set, const QString &text, int mergeKey) {
                try {
                    document_->changeInterventions(set, text, mergeKey);
                } catch (const folkrnn::InputError &e) {
                    showError(window_, tr("Invalid intervention"), QString::fromLocal8Bit(e.what()));
                    panel_->showInterventions(document_->interventions());
                }
            });
    connect(document_, &Document::changed, this, &InterventionDocks::onDocumentChanged);
    onDocumentChanged({DocumentField::Model | DocumentField::Run, 0});
}

void InterventionDocks::arrangeDefault(QDockWidget *controls)
{
    for (QDockWidget *d : {clampDock_, comparisonDock_}) {
        d->setFloating(false);
        window_->removeDockWidget(d);
    }
    window_->tabifyDockWidget(controls, clampDock_);
    clampDock_->show();
    controls->raise();
    // The largest dock: the comparison needs room for two tunes, a plot and the measure strips.
    auto *over = window_->findChild<QDockWidget *>(QStringLiteral("dock-logprob-heatmap"));
    if (over && !over->isFloating() && window_->dockWidgetArea(over) != Qt::NoDockWidgetArea)
        window_->tabifyDockWidget(over, comparisonDock_);
    else
        window_->addDockWidget(Qt::BottomDockWidgetArea, comparisonDock_);
    comparisonDock_->show();
    // With interventions already set (--clamp, --ablate, a session) their panel and effect come first.
    const bool some = !document_->interventions().items.empty();
    if (over && !some)
        over->raise();
    if (some) {
        comparisonDock_->raise();
        clampDock_->raise();
    }
}

void InterventionDocks::onDocumentChanged(const DocumentChange &change)
{
    if (change.what & DocumentField::Model) {
        const auto &model = document_->model();
        panel_->setModelShape(model ? model->numLayers() : 0, model ? model->hiddenSize() : 0);
    }
    // A re-run announces itself with Busy alone (the views keep the previous run meanwhile), but
    // the panel shows the new set at once.
    if (change.what & (DocumentField::Run | DocumentField::Model | DocumentField::Busy))
        panel_->showInterventions(document_->interventions());
    if (change.what & DocumentField::Run) {
        view_->setBaseline(document_->baselineRun());
        view_->setRun(document_->run());
    }
    // The first intervention brings the comparison to the front: that is what the user wants to see.
    const bool has = !document_->interventions().items.empty();
    if (has && !hadInterventions_)
        comparisonDock_->raise();
    hadInterventions_ = has;
    // During a re-run the panel stays live: the next slider value restarts it.
    panel_->setEnabled(document_->model() != nullptr && (!document_->busy() || document_->rerunning()));
}

} // namespace folkrnn::gui

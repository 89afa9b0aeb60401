#include "Startup.h"

#include "MainWindow.h"
#include "Messages.h"
#include "SessionController.h"
#include "ViewDocks.h"

#include "core/intervene/InterventionText.h"
#include "core/model/OpenModel.h"
#include "core/sim/Run.h"
#include "widgets/abc/AbcView.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>

#include <climits>
#include <cstdio>

namespace folkrnn::gui {

Startup::Startup(MainWindow *window, LaunchOptions options, QObject *parent)
    : QObject(parent), window_(window), options_(std::move(options))
{
    poll_.setInterval(100);
    connect(&poll_, &QTimer::timeout, this, &Startup::poll);
}

bool Startup::openFiles()
{
    if (!options_.model.isEmpty()) {
        // A model named on the command line must open: say why not, as the CLI does.
        try {
            window_->document()->openModel(options_.model);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "folkrnn-inspector: %s\n", e.what());
            return false;
        }
    }
    if (!options_.session.isEmpty()) {
        QString error;
        if (!window_->sessions()->openSession(options_.session, &error)) {
            std::fprintf(stderr, "folkrnn-inspector: %s\n", qPrintable(error));
            return false;
        }
        return true;
    }
    if (!options_.model.isEmpty())
        return true;
    const QString bundled =
        QString::fromStdString(folkrnn::bundledModelPath(QApplication::applicationDirPath().toStdString()));
    if (bundled.isEmpty())
        // QObject's context: the strings keep the translations they had in main.cpp.
        showError(window_, QObject::tr("No model"),
                  QObject::tr("No bundled model was found. Open one with File > Open Model."));
    else
        window_->openModel(bundled);
    return true;
}

bool Startup::begin()
{
    Document *doc = window_->document();
    if (doc->model() && (options_.seed || options_.temperature || options_.prime || options_.tune)) {
        try {
            SettingsRequest r;
            r.seed = options_.seed.value_or(QString::number(doc->settings().seed));
            r.temperature = options_.temperature.value_or(doc->settings().temperature);
            r.prime = options_.prime.value_or(QString());
            r.maxLength = doc->settings().maxLength;
            folkrnn::GenerationSettings s = doc->settingsFrom(r);
            if (options_.tune) {
                doc->applySettings(s, 0);
                s = doc->traceSettings(*options_.tune);
            }
            doc->applySettings(s, options_.tune ? INT_MAX : 0);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "folkrnn-inspector: %s\n", e.what());
            return false;
        }
    }
    if (const auto &model = doc->model()) {
        widgets::SelectionState sel = doc->selection()->state();
        if (options_.layer > 0)
            sel.layer = std::min(options_.layer, model->numLayers()) - 1;
        if (!options_.signal.isEmpty())
            folkrnn::parseSignal(options_.signal.toStdString(), sel.signal);
        for (int u : options_.units)
            if (u < model->hiddenSize() && !sel.units.contains(u))
                sel.units << u;
        doc->selection()->setState(sel);
    }
    if (doc->model() && !(options_.clamps.isEmpty() && options_.ablations.isEmpty())) {
        try {
            folkrnn::InterventionSet set;
            for (const QString &c : options_.clamps)
                set.items.push_back(folkrnn::parseClamp(c.toStdString(), folkrnn::InterventionTarget::Hidden,
                                                        folkrnn::InterventionKind::Clamp, "--clamp"));
            for (const QString &a : options_.ablations)
                set.items.push_back(folkrnn::parseAblation(a.toStdString(), "--ablate"));
            doc->changeInterventions(set, tr("Interventions from the command line"));
        } catch (const std::exception &e) {
            std::fprintf(stderr, "folkrnn-inspector: %s\n", e.what());
            return false;
        }
    }
    if (options_.steps > 0)
        doc->advanceTo(doc->run() ? doc->run()->steps() + options_.steps : options_.steps);
    if (!options_.screenshot.isEmpty()) {
        waited_.start();
        poll_.start();
    }
    return true;
}

bool Startup::settled() const
{
    const auto *abc = qobject_cast<widgets::AbcView *>(window_->viewDocks()->view(QStringLiteral("abc")));
    return !window_->document()->busy() && (!abc || !abc->staffPending());
}

void Startup::poll()
{
    // Wait for the worker and abcm2ps, then a few more polls for queued replots and layout.
    quietPolls_ = settled() ? quietPolls_ + 1 : 0;
    if (quietPolls_ < 3 && waited_.elapsed() < 60000)
        return;
    poll_.stop();
    const QPixmap shot = window_->grab();
    QDir().mkpath(QFileInfo(options_.screenshot).absolutePath());
    const bool ok = shot.save(options_.screenshot);
    if (!ok)
        std::fprintf(stderr, "folkrnn-inspector: cannot write %s\n", qPrintable(options_.screenshot));
    emit screenshotTaken(ok);
}

} // namespace folkrnn::gui

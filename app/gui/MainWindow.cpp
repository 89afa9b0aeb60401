#include "MainWindow.h"

#include "Messages.h"
#include "PreferencesDialog.h"
#include "RecentFiles.h"
#include "FigureExportAction.h"
#include "SessionController.h"
#include "SettingsPanel.h"
#include "TracePanel.h"
#include "InterventionDocks.h"
#include "ViewDocks.h"

#include "core/sim/Run.h"
#include "core/util/Error.h"
#include "widgets/audio/PlayerBar.h"
#include "widgets/common/InspectorView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTimer>
#include <QToolButton>

#include <climits>
#include <cmath>

namespace folkrnn::gui {

namespace {
constexpr int kLayoutVersion = 1;
}

MainWindow::MainWindow(bool restoreLayout, QWidget *parent)
    : QMainWindow(parent), actions_(this), docks_(new ViewDocks(this, document_.selection())),
      controlsDock_(new QDockWidget(tr("Generation"), this)), controlsTabs_(new QTabWidget(this)),
      settings_(new SettingsPanel(this)), trace_(new TracePanel(this)), status_(new QLabel(this)),
      progress_(new QProgressBar(this)), player_(new widgets::PlayerBar(this)), saveLayout_(restoreLayout)
{
    setWindowTitle(tr("folk-rnn Inspector"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks);
    controlsDock_->setObjectName(QStringLiteral("dock-generation"));
    controlsTabs_->addTab(settings_, tr("Sample"));
    controlsTabs_->addTab(trace_, tr("Trace a tune"));
    controlsDock_->setWidget(controlsTabs_);
    interventions_ = new InterventionDocks(this, &document_);
    buildMenus();
    buildToolBar();
    buildPlayer();
    buildStatusBar();
    connectActions();
    resize(1400, 900);
    resetLayout();
    bool restored = false;
    if (restoreLayout) {
        QSettings s;
        restoreGeometry(s.value(QStringLiteral("mainWindow/geometry")).toByteArray());
        restored = restoreState(s.value(QStringLiteral("mainWindow/state")).toByteArray(), kLayoutVersion);
    }
    // Dock proportions need the final window size: arrange once the window is shown.
    if (!restored)
        QTimer::singleShot(0, this, &MainWindow::resetLayout);
    onDocumentChanged({DocumentField::Model | DocumentField::Run, 0});
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(actions_.openModel);
    recent_ = new RecentFiles(file->addMenu(tr("Open &Recent")), this);
    file->addAction(actions_.exportViews);
    file->addSeparator();
    file->addAction(actions_.quit);
    sessions_ = new SessionController(this, &document_);
    sessions_->addFileActions(file, actions_.exportViews);
    file->insertAction(actions_.exportViews, makeFigureExportAction(this, docks_));
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = document_.undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = document_.undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"));
    preferences->setObjectName(QStringLiteral("action-preferences"));
    preferences->setShortcuts(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, [this] { PreferencesDialog(this).exec(); });
    QMenu *generate = menuBar()->addMenu(tr("&Generate"));
    generate->addActions({actions_.stepForward, actions_.stepBack, actions_.runToEnd, actions_.cancel});
    generate->addSeparator();
    generate->addAction(actions_.reset);
    QMenu *navigate = menuBar()->addMenu(tr("&Navigate"));
    navigate->addActions({actions_.firstStep, actions_.previousStep, actions_.nextStep, actions_.lastStep});
    QMenu *listen = menuBar()->addMenu(tr("&Listen"));
    listen->addActions({actions_.playPause, actions_.stopPlayback, actions_.playFromStep});
    buildAnalysisMenu();
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(controlsDock_->toggleViewAction());
    view->addAction(sessions_->notesDock()->toggleViewAction());
    view->addActions({interventions_->clampDock()->toggleViewAction(), interventions_->comparisonDock()->toggleViewAction()});
    for (QDockWidget *d : docks_->docks())
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    view->addAction(actions_.resetLayout);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(actions_.about);
    help->addAction(actions_.aboutQt);
}

void MainWindow::buildAnalysisMenu()
{
    analysisMenu_ = menuBar()->addMenu(tr("&Analysis"));
    const auto section = [this](const QString &title, ViewDocks::Group group) {
        analysisMenu_->addSection(title);
        for (QDockWidget *d : docks_->docks(group)) {
            const auto *v = static_cast<const widgets::InspectorView *>(d->widget());
            QAction *a = analysisMenu_->addAction(v->title());
            a->setObjectName(QStringLiteral("show-") + v->viewId());
            a->setStatusTip(tr("Show the view “%1”").arg(v->title()));
            connect(a, &QAction::triggered, this, [this, id = v->viewId()] { docks_->showView(id); });
        }
    };
    section(tr("Over the run"), ViewDocks::Group::Run);
    section(tr("Of the weights"), ViewDocks::Group::Weights);
    section(tr("Queries"), ViewDocks::Group::Query);
}

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Generation"));
    bar->setObjectName(QStringLiteral("toolbar-generation"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(actions_.openModel);
    bar->addSeparator();
    bar->addActions({actions_.reset, actions_.stepBack, actions_.stepForward, actions_.runToEnd, actions_.cancel});
    bar->addSeparator();
    bar->addActions({actions_.firstStep, actions_.previousStep, actions_.nextStep, actions_.lastStep});
}

void MainWindow::buildPlayer()
{
    QToolBar *bar = addToolBar(tr("Listen"));
    bar->setObjectName(QStringLiteral("toolbar-listen"));
    bar->addWidget(player_);
    player_->setSelection(document_.selection());
    QSettings s;
    auto *instrument = player_->findChild<QComboBox *>(QStringLiteral("player-instrument"));
    auto *tempo = player_->findChild<QSpinBox *>(QStringLiteral("player-tempo"));
    if (instrument) {
        const int index = instrument->findData(s.value(QStringLiteral("player/program")));
        if (index >= 0)
            instrument->setCurrentIndex(index);
    }
    if (tempo)
        tempo->setValue(s.value(QStringLiteral("player/tempo"), 0).toInt());
}

void MainWindow::savePlayerSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("player/program"), player_->player()->program());
    if (const auto *tempo = player_->findChild<QSpinBox *>(QStringLiteral("player-tempo")))
        s.setValue(QStringLiteral("player/tempo"), tempo->value());
}

void MainWindow::buildStatusBar()
{
    status_->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(status_, 1);
    progress_->setMaximumWidth(240);
    progress_->setFormat(tr("step %v of %m"));
    progress_->setVisible(false);
    statusBar()->addPermanentWidget(progress_);
    auto *stop = new QToolButton(this);
    stop->setDefaultAction(actions_.cancel);
    stop->setAutoRaise(true);
    statusBar()->addPermanentWidget(stop);
}

void MainWindow::connectActions()
{
    connect(actions_.openModel, &QAction::triggered, this, &MainWindow::chooseModel);
    connect(actions_.exportViews, &QAction::triggered, this, &MainWindow::exportViews);
    connect(actions_.quit, &QAction::triggered, this, &MainWindow::close);
    connect(actions_.stepForward, &QAction::triggered, &document_, &Document::stepForward);
    connect(actions_.stepBack, &QAction::triggered, &document_, &Document::stepBack);
    connect(actions_.runToEnd, &QAction::triggered, &document_, &Document::runToEnd);
    connect(actions_.cancel, &QAction::triggered, &document_, &Document::cancel);
    connect(actions_.reset, &QAction::triggered, &document_, &Document::reset);
    connect(actions_.firstStep, &QAction::triggered, this, [this] { document_.selection()->setStep(0); });
    connect(actions_.lastStep, &QAction::triggered, this, [this] { moveStep(INT_MAX / 2); });
    connect(actions_.previousStep, &QAction::triggered, this, [this] { moveStep(-1); });
    connect(actions_.nextStep, &QAction::triggered, this, [this] { moveStep(1); });
    connect(actions_.playPause, &QAction::triggered, player_, &widgets::PlayerBar::togglePlay);
    connect(actions_.stopPlayback, &QAction::triggered, player_->player(), &widgets::TunePlayer::stop);
    connect(actions_.playFromStep, &QAction::triggered, this,
            [this] { player_->player()->playFromStep(document_.selection()->step()); });
    connect(player_->player(), &widgets::TunePlayer::stateChanged, this, &MainWindow::updateActions);
    connect(player_->player(), &widgets::TunePlayer::availabilityChanged, this, &MainWindow::updateActions);
    connect(actions_.resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(actions_.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(actions_.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(recent_, &RecentFiles::openRequested, this, &MainWindow::openModel);
    connect(settings_, &SettingsPanel::applyRequested, this, &MainWindow::applySettings);
    connect(trace_, &TracePanel::traceRequested, this, &MainWindow::traceTune);
    connect(trace_, &TracePanel::samplingRequested, this,
            [this] { document_.changeSettings(document_.samplingSettings()); });
    connect(&document_, &Document::changed, this, &MainWindow::onDocumentChanged);
    connect(&document_, &Document::progress, this, &MainWindow::onProgress);
    connect(&document_, &Document::runFailed, this,
            [this](const QString &message) { showError(this, tr("Generation stopped"), message); });
    connect(document_.selection(), &widgets::Selection::changed, this, &MainWindow::updateStatus);
    connect(document_.undoStack(), &QUndoStack::indexChanged, this, &MainWindow::updateActions);
}

bool MainWindow::openModel(const QString &path)
{
    try {
        document_.openModel(path);
    } catch (const std::exception &e) {
        showError(this, tr("Cannot open model"),
                  tr("The model file %1 could not be opened:\n\n%2\n\nThe current model stays open.")
                      .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(e.what())));
        return false;
    }
    recent_->add(path);
    return true;
}

void MainWindow::applySettings(const SettingsRequest &request)
{
    try {
        document_.changeSettings(document_.settingsFrom(request));
    } catch (const folkrnn::InputError &e) {
        showError(this, tr("Invalid settings"), QString::fromLocal8Bit(e.what()));
    }
}

void MainWindow::traceTune(const QString &text)
{
    try {
        document_.changeSettings(document_.traceSettings(text));
    } catch (const folkrnn::InputError &e) {
        showError(this, tr("Cannot trace this tune"), QString::fromLocal8Bit(e.what()));
    }
}

void MainWindow::resetLayout()
{
    docks_->arrangeDefault(controlsDock_);
    interventions_->arrangeDefault(controlsDock_);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!sessions_->maybeSave()) {
        event->ignore();
        return;
    }
    document_.cancel();
    player_->player()->stop();
    if (saveLayout_) {
        savePlayerSettings();
        QSettings s;
        s.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
        s.setValue(QStringLiteral("mainWindow/state"), saveState(kLayoutVersion));
    }
    event->accept();
}

void MainWindow::onDocumentChanged(const DocumentChange &change)
{
    // The run first: a new model's weight views read its vocabulary.
    if (change.what & DocumentField::Run) {
        // The steps before firstStep are what the views drew: they redo only the rest.
        docks_->setRun(document_.run(), change.what & DocumentField::Model ? 0 : change.firstStep);
        player_->setRun(document_.run());
    }
    if (change.what & DocumentField::Model)
        docks_->setModel(document_.model());
    if (change.what & (DocumentField::Model | DocumentField::Settings)) {
        if (const auto &model = document_.model()) {
            settings_->showSettings(document_.settings(), *model);
            const auto &tune = document_.settings().forcedTune;
            trace_->showMode(!tune.empty(), static_cast<int>(tune.size()));
        }
    }
    if (change.what & DocumentField::Busy) {
        progress_->setVisible(document_.busy());
        if (document_.busy())
            onProgress(document_.jobDone(), document_.jobTarget());
    }
    updateActions();
    updateStatus();
}

void MainWindow::onProgress(int done, int target)
{
    progress_->setRange(0, std::max(1, target));
    progress_->setValue(std::min(done, target));
}

void MainWindow::updateActions()
{
    const bool busy = document_.busy();
    const bool model = document_.model() != nullptr;
    actions_.stepForward->setEnabled(document_.canStepForward());
    actions_.stepBack->setEnabled(document_.canStepBack());
    actions_.runToEnd->setEnabled(document_.canStepForward());
    actions_.cancel->setEnabled(busy);
    actions_.reset->setEnabled(model && !busy);
    settings_->setEnabled(model && !busy);
    trace_->setEnabled(model && !busy);
    // Without an audio device the player bar says why; the menu follows its buttons.
    const auto *player = player_->player();
    const bool audible = player->available() && !player->performance().notes.empty();
    actions_.playPause->setEnabled(audible || player->state() != widgets::TunePlayer::State::Stopped);
    actions_.stopPlayback->setEnabled(player->state() != widgets::TunePlayer::State::Stopped);
    actions_.playFromStep->setEnabled(audible);
    if (const QString why = player->unavailableReason(); !why.isEmpty())
        for (QAction *a : {actions_.playPause, actions_.stopPlayback, actions_.playFromStep})
            a->setStatusTip(why);
}

void MainWindow::updateStatus()
{
    const auto run = document_.run();
    if (!run || run->steps() == 0) {
        status_->setText(document_.model() ? tr("No steps yet: Step Forward (F10) or Run to End (F5).")
                                           : tr("No model open."));
        return;
    }
    // The Document moves the selection just after the run; until then it may be past the end.
    const int step = std::min(document_.selection()->step(), run->steps() - 1);
    const double log10p = run->chosenLogProb(step) / std::log(10.0);
    const QString token = QString::fromStdString(run->tokenText(run->token(step)));
    status_->setText(tr("Step %1 of %2 · token %3%4 · log₁₀ p = %5 · seed %6 · temperature %7")
                         .arg(step)
                         .arg(run->steps())
                         .arg(token, run->forced(step) ? tr(" (given)") : QString())
                         .arg(log10p, 0, 'f', 2)
                         .arg(document_.settings().seed)
                         .arg(document_.settings().temperature));
}

void MainWindow::chooseModel()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Model"), QFileInfo(document_.modelPath()).path(),
                                                      modelFileFilter());
    if (!path.isEmpty())
        openModel(path);
}

void MainWindow::exportViews()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export All Views To"));
    if (dir.isEmpty())
        return;
    const QStringList failed = docks_->exportAll(dir);
    if (!failed.isEmpty())
        showError(this, tr("Export failed"), tr("These files could not be written:\n%1").arg(failed.join(QLatin1Char('\n'))));
    else
        statusBar()->showMessage(tr("Exported every view to %1").arg(QDir::toNativeSeparators(dir)), 5000);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About folk-rnn Inspector"), aboutText(document_.model().get(), document_.modelPath()));
}

void MainWindow::moveStep(int delta)
{
    const auto run = document_.run();
    if (!run || run->steps() == 0)
        return;
    const long long next = static_cast<long long>(document_.selection()->step()) + delta;
    document_.selection()->setStep(static_cast<int>(std::clamp<long long>(next, 0, run->steps() - 1)));
}

} // namespace folkrnn::gui

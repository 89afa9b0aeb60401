#include "SessionController.h"

#include "Document.h"
#include "Messages.h"
#include "RecentFiles.h"
#include "SelectionConversion.h"

#include "core/session/ModelFingerprint.h"
#include "core/session/SessionFile.h"
#include "core/util/Error.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

namespace folkrnn::gui {

namespace {

QString fileFilter() { return SessionController::tr("folk-rnn sessions (*.frnsession);;All files (*)"); }

QString errorText(const std::exception &e) { return QString::fromLocal8Bit(e.what()); }

} // namespace

SessionController::SessionController(QMainWindow *window, Document *document)
    : QObject(window), window_(window), document_(document),
      notesDock_(new QDockWidget(tr("Notes"), window)), notes_(new QPlainTextEdit(notesDock_)),
      banner_(new QToolBar(tr("Session"), window)), bannerLabel_(new QLabel(banner_))
{
    open_ = new QAction(tr("Open &Session…"), window);
    open_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)); // Open is Open Model
    open_->setStatusTip(tr("Open a saved session (.frnsession)"));
    save_ = new QAction(tr("&Save Session"), window);
    save_->setShortcuts(QKeySequence::Save);
    save_->setStatusTip(tr("Save the tune, settings, interventions, selection, layout and notes"));
    saveAs_ = new QAction(tr("Save Session &As…"), window);
    saveAs_->setShortcuts(QKeySequence::SaveAs);
    saveAs_->setStatusTip(tr("Save the session to another file"));
    locate_ = new QAction(tr("&Locate Model…"), window);
    locate_->setStatusTip(tr("Find the model this read-only session was made with, to step it again"));
    locate_->setEnabled(false);
    for (QAction *a : {open_, save_, saveAs_, locate_}) {
        a->setShortcutContext(Qt::WindowShortcut);
        window->addAction(a);
    }
    connect(open_, &QAction::triggered, this, &SessionController::chooseAndOpen);
    connect(save_, &QAction::triggered, this, &SessionController::saveSession);
    connect(saveAs_, &QAction::triggered, this, &SessionController::chooseAndSaveAs);
    connect(locate_, &QAction::triggered, this, &SessionController::chooseAndLocateModel);

    notesDock_->setObjectName(QStringLiteral("dock-notes")); // saveState() key
    notes_->setPlaceholderText(tr("Notes on this session: what you tried, what you saw. Saved with the session."));
    notesDock_->setWidget(notes_);
    window->addDockWidget(Qt::LeftDockWidgetArea, notesDock_);
    notesDock_->hide();
    connect(notes_, &QPlainTextEdit::textChanged, this, &SessionController::markModified);

    // A read-only session says so above the views until something else is opened.
    banner_->setObjectName(QStringLiteral("toolbar-session-banner"));
    banner_->setMovable(false);
    banner_->setFloatable(false);
    banner_->toggleViewAction()->setVisible(false);
    bannerLabel_->setWordWrap(true);
    bannerLabel_->setTextFormat(Qt::PlainText);
    bannerLabel_->setContentsMargins(8, 4, 8, 4);
    // The whole row in the warning colour, the text taking the width the button leaves.
    banner_->setStyleSheet(QStringLiteral("QToolBar#toolbar-session-banner { background: #fff3cd; border: none; }"
                                          "QToolBar#toolbar-session-banner QLabel { color: #5c4400; }"));
    bannerLabel_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    banner_->addWidget(bannerLabel_);
    // The way out of read-only, where the reason is read.
    banner_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    banner_->addAction(locate_);
    if (auto *button = qobject_cast<QToolButton *>(banner_->widgetForAction(locate_)))
        button->setAutoRaise(false); // drawn as a button: the one thing to do here
    banner_->hide();

    QSettings settings;
    QString root = settings.value(QLatin1String(kRecoveryFolderKey)).toString();
    if (root.isEmpty())
        root = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("autosave"));
    recovery_ = std::make_unique<RecoveryStore>(root);
    const int minutes = settings.value(QLatin1String(kAutosaveMinutesKey), 3).toInt();
    if (minutes > 0) {
        autosave_.setInterval(minutes * 60 * 1000);
        connect(&autosave_, &QTimer::timeout, this, &SessionController::autosaveNow);
        autosave_.start();
    }

    ask_ = [this](const QString &title, const QString &text, QMessageBox::StandardButtons buttons) {
        QMessageBox box(QMessageBox::Question, title, text, buttons, window_);
        return static_cast<QMessageBox::StandardButton>(box.exec());
    };
    connect(document_, &Document::changed, this, [this](const DocumentChange &change) {
        if (change.what & (DocumentField::Model | DocumentField::Settings | DocumentField::Run))
            markModified();
        // Another model opened over a read-only session makes it live: the banner no longer holds.
        if (!readOnly() && !bannerText_.isEmpty())
            showBanner({});
        locate_->setEnabled(canLocateModel());
        updateTitle();
    });
    updateTitle();
}

SessionController::~SessionController() = default;

void SessionController::addFileActions(QMenu *file, QAction *before)
{
    file->insertSeparator(before);
    file->insertAction(before, open_);
    recentMenu_ = new QMenu(tr("Open Recent Sessio&n"), file);
    file->insertMenu(before, recentMenu_);
    recent_ = new RecentFiles(recentMenu_, this, QStringLiteral("recentSessions"));
    connect(recent_, &RecentFiles::openRequested, this, [this](const QString &path) { openSession(path); });
    file->insertAction(before, locate_);
    file->insertAction(before, save_);
    file->insertAction(before, saveAs_);
    file->insertSeparator(before);
}

bool SessionController::isModified() const
{
    // An untitled document with nothing in it has nothing to lose.
    const bool empty = !document_->run() || document_->run()->steps() == 0;
    if (file_.isEmpty() && recoveredName_.isEmpty() && empty && notes_->toPlainText().isEmpty())
        return false;
    return modified_;
}

bool SessionController::readOnly() const { return document_->readOnly(); }

bool SessionController::canLocateModel() const
{
    return readOnly() && stored_ && storedStatus_ != folkrnn::SessionOpenStatus::ReplayMismatch;
}

QString SessionController::bannerText() const { return bannerText_; }

void SessionController::markModified()
{
    if (loading_)
        return;
    modified_ = true;
    ++revision_;
    updateTitle();
}

void SessionController::setClean(const QString &file)
{
    file_ = file;
    recoveredName_.clear();
    modified_ = false;
    autosavedRevision_ = revision_;
    recovery_->clear();
    updateTitle();
}

void SessionController::updateTitle()
{
    QString name = !file_.isEmpty()             ? QFileInfo(file_).fileName()
                   : !recoveredName_.isEmpty() ? tr("%1 (recovered)").arg(recoveredName_)
                                               : tr("Untitled");
    if (readOnly())
        name = tr("%1 (read-only)").arg(name);
    const QString model = document_->model() ? QFileInfo(document_->modelPath()).fileName() : QString();
    window_->setWindowTitle(model.isEmpty() ? tr("%1[*] — folk-rnn Inspector").arg(name)
                                            : tr("%1[*] — %2 — folk-rnn Inspector").arg(name, model));
    window_->setWindowModified(isModified());
}

void SessionController::showBanner(const QString &text)
{
    bannerText_ = text;
    bannerLabel_->setText(text);
    if (!text.isEmpty() && window_->toolBarArea(banner_) == Qt::NoToolBarArea) {
        // On a row of its own under the other toolbars, added when first needed.
        window_->addToolBarBreak(Qt::TopToolBarArea);
        window_->addToolBar(Qt::TopToolBarArea, banner_);
    }
    banner_->setVisible(!text.isEmpty());
}

const std::string &SessionController::fingerprint()
{
    // Hashing every weight takes a fraction of a second: once per model.
    const auto &model = document_->model();
    if (model && model.get() != fingerprintModel_) {
        fingerprint_ = folkrnn::modelFingerprint(*model);
        fingerprintModel_ = model.get();
    }
    return fingerprint_;
}

folkrnn::Session SessionController::currentSession()
{
    folkrnn::Session s;
    if (document_->readOnly() && stored_)
        s = *stored_; // the stored run, settings and model reference stay as they were
    else
        s = document_->captureSession(fingerprint());
    s.selection = toSessionSelection(document_->selection()->state());
    const QByteArray layout = window_->saveState(kLayoutVersion);
    s.viewLayout.assign(layout.begin(), layout.end());
    s.notes = notes_->toPlainText().toStdString();
    return s;
}

bool SessionController::saveSessionAs(const QString &path)
{
    try {
        folkrnn::saveSession(currentSession(), path.toStdString());
    } catch (const std::exception &e) {
        showError(window_, tr("Cannot save session"),
                  tr("The session could not be saved to %1:\n\n%2\n\nAny earlier file there is unchanged.")
                      .arg(QDir::toNativeSeparators(path), errorText(e)));
        return false;
    }
    if (recent_)
        recent_->add(path);
    setClean(path);
    window_->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool SessionController::saveSession()
{
    if (file_.isEmpty()) {
        chooseAndSaveAs();
        return !file_.isEmpty() && !modified_;
    }
    return saveSessionAs(file_);
}

void SessionController::chooseAndSaveAs()
{
    const QString suggested = !file_.isEmpty() ? file_ : recoveredName_.isEmpty() ? tr("untitled") : recoveredName_;
    QString path = QFileDialog::getSaveFileName(window_, tr("Save Session"), suggested, fileFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1String(folkrnn::kSessionExtension);
    saveSessionAs(path);
}

bool SessionController::maybeSave()
{
    if (!isModified())
        return true;
    const QString name = file_.isEmpty() ? tr("Untitled") : QFileInfo(file_).fileName();
    const auto answer = ask_(tr("Unsaved changes"),
                             tr("The session “%1” has changes that are not saved. Save them?").arg(name),
                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return saveSession();
    if (answer == QMessageBox::Discard) {
        recovery_->clear();
        return true;
    }
    return false;
}

void SessionController::chooseAndOpen()
{
    const QString start = file_.isEmpty() ? QString() : QFileInfo(file_).path();
    const QString path = QFileDialog::getOpenFileName(window_, tr("Open Session"), start, fileFilter());
    if (!path.isEmpty())
        openSession(path);
}

bool SessionController::openSession(const QString &path, QString *error)
{
    if (!maybeSave())
        return false;
    folkrnn::OpenedSession opened;
    try {
        folkrnn::OpenSessionOptions options;
        options.model = document_->model(); // used when it is the session's model: no file read
        opened = folkrnn::openSession(path.toStdString(), options);
    } catch (const std::exception &e) {
        if (error)
            *error = errorText(e);
        else
            showError(window_, tr("Cannot open session"),
                      tr("The session file %1 could not be opened:\n\n%2\n\nThe current session stays open.")
                          .arg(QDir::toNativeSeparators(path), errorText(e)));
        return false;
    }
    if (!apply(std::move(opened), path, path, false))
        return false;
    if (recent_)
        recent_->add(path);
    return true;
}

bool SessionController::apply(folkrnn::OpenedSession opened, const QString &source, const QString &file, bool modified)
{
    loading_ = true;
    const folkrnn::Session &s = opened.session;
    try {
        if (opened.status == folkrnn::SessionOpenStatus::Replayed) {
            fingerprint_ = s.modelFingerprint;
            fingerprintModel_ = opened.model.get();
            document_->adoptGenerator(opened.model, QString::fromStdString(opened.modelPath),
                                      std::shared_ptr<folkrnn::Generator>(std::move(opened.generator)));
            stored_.reset();
        } else {
            document_->showStoredRun(s.run, s.settings, s.interventions);
            stored_ = s;
        }
        storedStatus_ = opened.status;
    } catch (const std::exception &e) {
        loading_ = false;
        showError(window_, tr("Cannot open session"),
                  tr("The session %1 could not be shown:\n\n%2").arg(QDir::toNativeSeparators(source), errorText(e)));
        return false;
    }
    document_->selection()->setState(toSelectionState(s.selection));
    if (!s.viewLayout.empty())
        window_->restoreState(QByteArray(reinterpret_cast<const char *>(s.viewLayout.data()),
                                         qsizetype(s.viewLayout.size())),
                              kLayoutVersion);
    notes_->setPlainText(QString::fromStdString(s.notes));
    if (!s.notes.empty())
        notesDock_->show();
    loading_ = false;

    file_ = file;
    modified_ = modified;
    ++revision_;
    if (!modified)
        setClean(file);
    if (opened.readOnly() && opened.status != folkrnn::SessionOpenStatus::ReplayMismatch)
        showBanner(tr("Read-only: %1 Showing the stored run; locate the session's model (File > Locate Model…) to "
                      "step it again.")
                       .arg(QString::fromStdString(opened.message)));
    else if (opened.readOnly())
        showBanner(tr("Read-only: %1").arg(QString::fromStdString(opened.message)));
    else {
        showBanner({});
        window_->statusBar()->showMessage(QString::fromStdString(opened.message), 8000);
    }
    locate_->setEnabled(canLocateModel());
    updateTitle();
    return true;
}

void SessionController::chooseAndLocateModel()
{
    if (!canLocateModel())
        return;
    // Start where the session said the model was, else beside the session.
    QString start = QFileInfo(QString::fromStdString(stored_->modelPath)).path();
    if (!QFileInfo(start).isDir())
        start = file_.isEmpty() ? QString() : QFileInfo(file_).path();
    const QString name = QString::fromStdString(stored_->modelName);
    const QString path = QFileDialog::getOpenFileName(
        window_, name.isEmpty() ? tr("Locate Model") : tr("Locate Model “%1”").arg(name), start,
        modelFileFilter());
    if (!path.isEmpty())
        locateModel(path);
}

bool SessionController::locateModel(const QString &path)
{
    if (!canLocateModel())
        return false;
    const QString shown = QDir::toNativeSeparators(path);
    const auto refuse = [&](const QString &why) {
        showError(window_, tr("Cannot use this model"),
                  tr("The model file %1 cannot be used for this session:\n\n%2\n\nThe session stays open read-only.")
                      .arg(shown, why));
        return false;
    };
    if (!QFileInfo(path).isFile())
        return refuse(tr("There is no such file."));
    // The session as the window holds it (notes, selection and layout as now), with the stored
    // run; resumeSession reads the model, compares fingerprints and replays, as at opening.
    folkrnn::Session session = currentSession();
    folkrnn::OpenedSession opened;
    try {
        folkrnn::OpenSessionOptions options;
        options.modelPath = path.toStdString();
        opened = folkrnn::resumeSession(std::move(session), file_.toStdString(), options);
    } catch (const std::exception &e) {
        return refuse(errorText(e));
    }
    switch (opened.status) {
    case folkrnn::SessionOpenStatus::Replayed:
        break;
    case folkrnn::SessionOpenStatus::ModelDifferent: {
        const QString made = QString::fromStdString(opened.session.modelName.empty() ? opened.session.modelPath
                                                                                     : opened.session.modelName);
        return refuse(tr("It is not the model this session was made with (%1): its weights differ.").arg(made));
    }
    case folkrnn::SessionOpenStatus::ReplayMismatch:
        // The right model, but the replay takes other tokens (another build's arithmetic).
        return refuse(QString::fromStdString(opened.message));
    default: // missing or unreadable
        return refuse(QString::fromStdString(opened.modelProblem) + QLatin1Char('.'));
    }
    const QString message = QString::fromStdString(opened.message);
    // The session now names this model: saving records it, so there is something to save.
    if (!apply(std::move(opened), file_.isEmpty() ? recoveredName_ : file_, file_, true))
        return false;
    window_->statusBar()->showMessage(message, 8000);
    return true;
}

void SessionController::autosaveNow()
{
    if (!isModified() || autosavedRevision_ == revision_ || document_->busy())
        return;
    const QString name = !file_.isEmpty() ? QFileInfo(file_).completeBaseName()
                         : !recoveredName_.isEmpty() ? recoveredName_
                                                     : QStringLiteral("untitled");
    try {
        recovery_->write(currentSession(), name);
        autosavedRevision_ = revision_;
    } catch (const std::exception &e) {
        window_->statusBar()->showMessage(tr("Autosave failed: %1").arg(errorText(e)), 10000);
    }
}

bool SessionController::offerRecovery()
{
    const auto orphans = recovery_->orphans();
    if (orphans.isEmpty())
        return false;
    const RecoveryStore::Orphan &newest = orphans.front();
    const QString name = QFileInfo(newest.file).completeBaseName();
    const auto answer =
        ask_(tr("Recover unsaved session"),
             tr("folk-rnn Inspector did not close normally. An autosaved copy of “%1” from %2 can be recovered.\n\n"
                "Recover it? (Discard deletes the copy; Cancel keeps it for the next start.)")
                 .arg(name, QLocale().toString(newest.modified, QLocale::ShortFormat)),
             QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Discard)
        RecoveryStore::discard(newest);
    if (answer != QMessageBox::Yes)
        return false;
    folkrnn::OpenedSession opened;
    try {
        folkrnn::OpenSessionOptions options;
        options.model = document_->model();
        opened = folkrnn::openSession(newest.file.toStdString(), options);
    } catch (const std::exception &e) {
        showError(window_, tr("Cannot recover session"),
                  tr("The autosaved copy %1 could not be read:\n\n%2").arg(QDir::toNativeSeparators(newest.file), errorText(e)));
        return false;
    }
    recoveredName_ = name;
    if (!apply(std::move(opened), newest.file, QString(), true))
        return false;
    autosaveNow(); // this instance now holds the work: only then drop the crashed instance's copy
    RecoveryStore::discard(newest);
    return true;
}

} // namespace folkrnn::gui

#pragma once
#include "RecoveryStore.h"

#include "core/session/OpenSession.h"

#include <QMessageBox>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;
class QPlainTextEdit;
class QToolBar;

namespace folkrnn::gui {

class Document;
class RecentFiles;

// Sessions in the inspector window: File > Open/Save/Save As, recent sessions, the window title
// with the session's name and modified marker, asking before unsaved changes are lost, autosave
// to a recovery folder and the offer to recover after a crash, and the notes dock. The session
// holds the Document's tune (or, read-only, the stored run), the Selection, the window layout and
// the notes. Saving and reading are core/session's; this class only wires them to the window.
class SessionController : public QObject {
    Q_OBJECT
public:
    SessionController(QMainWindow *window, Document *document);
    ~SessionController() override;

    // Open Session, Open Recent Session, Save, Save As, inserted into the File menu before `before`.
    void addFileActions(QMenu *file, QAction *before);
    QDockWidget *notesDock() const { return notesDock_; }
    QPlainTextEdit *notesEdit() const { return notes_; }

    // Each shows a dialog naming the file on failure and keeps the current state; true on success.
    // With `error`, openSession puts the reason there instead of showing it (the command line
    // reports it on stderr).
    bool openSession(const QString &path, QString *error = nullptr);
    bool saveSession();                      // to the current file, or asks for one
    bool saveSessionAs(const QString &path); // no dialog
    // Asks Save/Discard/Cancel when there are unsaved changes; false when the user cancelled
    // (or the save failed).
    bool maybeSave();

    // Locate Model: for a read-only session whose model is missing, different or unreadable, uses
    // the model file at `path` when its fingerprint is the session's and the replay reproduces
    // the stored tokens: the session becomes live (steppable), marked modified since it now names
    // that file. Otherwise shows a dialog naming the file and why, and the session stays as it was.
    bool locateModel(const QString &path);
    // File > Locate Model… and the banner's button; enabled while locating a model can help.
    QAction *locateModelAction() const { return locate_; }
    bool canLocateModel() const;

    QString currentFile() const { return file_; }
    bool isModified() const;
    bool readOnly() const;
    QString bannerText() const;
    // The session the window holds now (what Save writes). Throws InputError with nothing to save.
    folkrnn::Session currentSession();

    // Autosave: writes a recovery copy now when there are changes since the last one.
    void autosaveNow();
    RecoveryStore &recovery() { return *recovery_; }
    // Offers the newest copy left by a crashed instance; true when one was recovered.
    bool offerRecovery();

    // Questions go through this (tests answer them); the default shows a modal QMessageBox.
    using Ask = std::function<QMessageBox::StandardButton(const QString &title, const QString &text,
                                                          QMessageBox::StandardButtons buttons)>;
    void setAsk(Ask ask) { ask_ = std::move(ask); }

    // QSettings keys: autosave interval in minutes (0: off) and the recovery folder.
    static constexpr const char *kAutosaveMinutesKey = "session/autosaveMinutes";
    static constexpr const char *kRecoveryFolderKey = "session/recoveryFolder";
    static constexpr int kLayoutVersion = 1;

private:
    void chooseAndOpen();
    void chooseAndSaveAs();
    void chooseAndLocateModel();
    // Shows `opened`. `source` names the file in errors; `file` becomes the save target (empty:
    // untitled, as a recovered copy).
    bool apply(folkrnn::OpenedSession opened, const QString &source, const QString &file, bool modified);
    void markModified();
    void setClean(const QString &file);
    void updateTitle();
    void showBanner(const QString &text);
    const std::string &fingerprint();

    QMainWindow *window_;
    Document *document_;
    QAction *open_;
    QAction *save_;
    QAction *saveAs_;
    QAction *locate_;
    QMenu *recentMenu_ = nullptr;
    RecentFiles *recent_ = nullptr;
    QDockWidget *notesDock_;
    QPlainTextEdit *notes_;
    QToolBar *banner_;
    QLabel *bannerLabel_;
    QString bannerText_; // empty: no banner
    std::unique_ptr<RecoveryStore> recovery_;
    QTimer autosave_;
    Ask ask_;

    QString file_;          // empty: untitled
    QString recoveredName_; // the name of a recovered session until it is saved
    std::optional<folkrnn::Session> stored_; // the read-only session's stored part
    // Why the session is read-only; a model that matched but replayed otherwise (ReplayMismatch)
    // cannot be fixed by locating a model.
    folkrnn::SessionOpenStatus storedStatus_ = folkrnn::SessionOpenStatus::Replayed;
    bool modified_ = false;
    bool loading_ = false;
    quint64 revision_ = 0, autosavedRevision_ = 0;
    const void *fingerprintModel_ = nullptr;
    std::string fingerprint_;
};

} // namespace folkrnn::gui

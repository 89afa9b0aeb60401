#pragma once
#include "Document.h"
#include "InspectorActions.h"

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;

namespace folkrnn::widgets { class PlayerBar; }

namespace folkrnn::gui {

class RecentFiles;
class SessionController;
class SettingsPanel;
class TracePanel;
class InterventionDocks;
class ViewDocks;

// The inspector's window: wires actions and panels to the Document and docks the views. It
// holds no state of its own beyond layout; everything that changes lives in the Document.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `restoreLayout`: take the dock layout saved by the last session (QSettings).
    explicit MainWindow(bool restoreLayout = true, QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() { return &document_; }
    ViewDocks *viewDocks() const { return docks_; }
    const InspectorActions &actions() const { return actions_; }
    SettingsPanel *settingsPanel() const { return settings_; }
    TracePanel *tracePanel() const { return trace_; }
    SessionController *sessions() const { return sessions_; }
    InterventionDocks *interventionDocks() const { return interventions_; }
    widgets::PlayerBar *playerBar() const { return player_; }
    // The Analysis menu: one action per analysis or query view, showing and raising its dock.
    QMenu *analysisMenu() const { return analysisMenu_; }

    // Opens a model; on failure shows an error naming the file and keeps the current model.
    bool openModel(const QString &path);
    void applySettings(const SettingsRequest &request);
    void traceTune(const QString &text);
    // Puts the docks in the default arrangement (call after the window has its size).
    void resetLayout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildAnalysisMenu();
    void buildToolBar();
    void buildPlayer();
    void savePlayerSettings() const;
    void buildStatusBar();
    void connectActions();
    void onDocumentChanged(const DocumentChange &change);
    void onProgress(int done, int target);
    void updateActions();
    void updateStatus();
    void chooseModel();
    void exportViews();
    void showAbout();
    void moveStep(int delta);

    Document document_;
    InspectorActions actions_;
    ViewDocks *docks_;
    QDockWidget *controlsDock_;
    QTabWidget *controlsTabs_;
    SettingsPanel *settings_;
    TracePanel *trace_;
    InterventionDocks *interventions_ = nullptr;
    RecentFiles *recent_ = nullptr;
    SessionController *sessions_ = nullptr;
    QMenu *analysisMenu_ = nullptr;
    QLabel *status_;
    QProgressBar *progress_;
    widgets::PlayerBar *player_;
    bool saveLayout_;
};

} // namespace folkrnn::gui

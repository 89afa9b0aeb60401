#pragma once
#include <QObject>

class QDockWidget;
class QMainWindow;

namespace folkrnn::widgets {
class ClampPanel;
class ComparisonView;
} // namespace folkrnn::widgets

namespace folkrnn::gui {

class Document;
struct DocumentChange;

// The clamp panel and the comparison view, each in a dock, wired to the Document: the panel's
// requests become undoable intervention commands, and every change of the run gives the
// comparison view the intervened run with its untouched baseline. MainWindow only places the
// docks and lists them in the View menu.
class InterventionDocks : public QObject {
    Q_OBJECT
public:
    InterventionDocks(QMainWindow *window, Document *document);

    // The clamp panel as a tab beside `controls`, the comparison as a tab over the log-probability
    // heatmap (the bottom of the window when that dock is missing); both in front when there are
    // interventions.
    void arrangeDefault(QDockWidget *controls);

    QDockWidget *clampDock() const { return clampDock_; }
    QDockWidget *comparisonDock() const { return comparisonDock_; }
    widgets::ClampPanel *clampPanel() const { return panel_; }
    widgets::ComparisonView *comparisonView() const { return view_; }

private:
    void onDocumentChanged(const DocumentChange &change);

    QMainWindow *window_;
    Document *document_;
    widgets::ClampPanel *panel_;
    widgets::ComparisonView *view_;
    QDockWidget *clampDock_;
    QDockWidget *comparisonDock_;
    bool hadInterventions_ = false;
};

} // namespace folkrnn::gui

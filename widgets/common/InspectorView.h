#pragma once
#include "widgets/selection/Selection.h"

#include <QPointer>
#include <QSize>
#include <QWidget>

#include <memory>

class QContextMenuEvent;
class QPainter;

namespace folkrnn { class Run; }

namespace folkrnn::widgets {

// What every view is: a picture of one aspect of a recorded Run that follows a Selection.
// A view owns no simulation state: it redraws from the Run and the Selection it is given, and a
// click changes the Selection (never another view). It works without a shared Selection: until
// one is given it follows a private one.
//
// Screen and files come from one drawing path, render(); the export functions take a file name
// and open no dialog, so "export every view" or a session writer can loop over views.
class InspectorView : public QWidget {
    Q_OBJECT
public:
    explicit InspectorView(QWidget *parent = nullptr);

    // Stable identifier (settings keys, dock object names, export file names): "logprob-heatmap".
    virtual QString viewId() const = 0;
    // Translated title for docks and menus.
    virtual QString title() const = 0;

    // The run to show; nullptr shows nothing. The run must not change while a view holds it
    // except on the UI thread followed by another setRun() (the Document's contract).
    // `unchangedSteps` is the caller's word that the first so many steps of `run` are those of
    // the run given before (DocumentChange::firstStep): a view then redoes only the steps after
    // them (Step Forward at the end of a long run costs one step, not the run). 0: all may differ.
    void setRun(std::shared_ptr<const folkrnn::Run> run, int unchangedSteps = 0);
    const folkrnn::Run *run() const { return run_.get(); }
    const std::shared_ptr<const folkrnn::Run> &sharedRun() const { return run_; }

    void setSelection(Selection *selection);
    Selection *selection() const { return selection_; }

    // The step this view draws as current, read back from what it drew (-1: none).
    virtual int shownStep() const = 0;

    // Draws the view into `target` (also what the screen shows).
    virtual void render(QPainter &painter, const QRect &target) = 0;
    // The numbers the view shows, as CSV with a header row.
    virtual bool exportCsv(const QString &path) const = 0;

    // True while something the view will show is still being made off the UI thread (an
    // engraved staff, a weight analysis): a figure exported now would miss it.
    virtual bool figurePending() const { return false; }
    // Lets the event loop run until figurePending() is false or `timeoutMs` passed; true when
    // nothing is pending. Export every view calls it on each view before drawing it.
    bool waitForFigure(int timeoutMs = 30000);

    // Raster image (format from the suffix: png, jpg...) of `size` logical pixels (default: the
    // view's size) at `dpi` (96 = 1:1).
    bool exportImage(const QString &path, QSize size = {}, int dpi = 96);
    bool exportSvg(const QString &path, QSize size = {});
    bool exportPdf(const QString &path, QSize size = {});
    // By suffix: .png/.jpg/.bmp, .svg, .pdf, .csv.
    bool exportFile(const QString &path, QSize size = {});

protected:
    // Right click: Export Figure… and Export Data as CSV… (FigureExportDialog).
    void contextMenuEvent(QContextMenuEvent *event) override;
    // The run was replaced (or grew): rebuild what depends on it, keeping what was drawn for
    // the first keptSteps() steps if the view can.
    virtual void runChanged() = 0;
    // Within runChanged(): how many leading steps of run() are the same as in the run the view
    // last drew (0: none, rebuild everything). Never more than the steps of either run.
    int keptSteps() const { return keptSteps_; }
    virtual void selectionChanged(SelectionChange what) = 0;

private:
    QSize exportSize(QSize requested) const;
    // render() under the view's title: what every exported figure shows.
    void renderFigure(QPainter &painter, const QRect &target);

    std::shared_ptr<const folkrnn::Run> run_;
    // Steps of the run when it was given: the Document extends its run in place, so the run
    // itself cannot tell how long it was when the view drew it.
    int heldSteps_ = 0;
    int keptSteps_ = 0;
    Selection ownSelection_;
    QPointer<Selection> selection_;
    QMetaObject::Connection selectionConnection_;
};

} // namespace folkrnn::widgets

#include "widgets/common/InspectorView.h"

#include "core/sim/Run.h"
#include "widgets/common/FigureExportDialog.h"

#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFontMetrics>
#include <QMenu>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace folkrnn::widgets {

InspectorView::InspectorView(QWidget *parent) : QWidget(parent), selection_(&ownSelection_)
{
    // Not setSelection(): a subclass is not constructed yet, so its selectionChanged() cannot run.
    selectionConnection_ = connect(selection_, &Selection::changed, this, &InspectorView::selectionChanged);
}

void InspectorView::setRun(std::shared_ptr<const folkrnn::Run> run, int unchangedSteps)
{
    // Only a run of the same shape and vocabulary can share steps with what was drawn.
    const bool sameShape = run && run_ && run->sharedVocabulary() == run_->sharedVocabulary() &&
                           run->numLayers() == run_->numLayers() && run->hiddenSize() == run_->hiddenSize() &&
                           run->hasSignals() == run_->hasSignals();
    keptSteps_ = sameShape ? std::clamp(std::min(unchangedSteps, heldSteps_), 0, run->steps()) : 0;
    run_ = std::move(run);
    heldSteps_ = run_ ? run_->steps() : 0;
    runChanged();
    keptSteps_ = 0;
}

bool InspectorView::waitForFigure(int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (figurePending() && waited.elapsed() < timeoutMs) {
        // Short nested loops, so that a result that never comes cannot hold the export forever.
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return !figurePending();
}

void InspectorView::setSelection(Selection *selection)
{
    if (!selection)
        selection = &ownSelection_;
    if (selection == selection_)
        return;
    disconnect(selectionConnection_);
    selection_ = selection;
    selectionConnection_ = connect(selection_, &Selection::changed, this, &InspectorView::selectionChanged);
    // Everything may differ from what was drawn for the previous selection.
    selectionChanged(kAllSelectionFields);
}

QSize InspectorView::exportSize(QSize requested) const
{
    if (requested.isValid() && !requested.isEmpty())
        return requested;
    // A view in a closed dock was never laid out (100 x 30): give it a figure's size.
    return size().width() < 200 || size().height() < 120 ? QSize(800, 500) : size();
}

bool InspectorView::exportImage(const QString &path, QSize size, int dpi)
{
    size = exportSize(size);
    const double scale = dpi / 96.0;
    QImage image(QSize(int(std::lround(size.width() * scale)), int(std::lround(size.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Window));
    {
        // Drawn at the image's default resolution (as the screen) and scaled: text in points
        // and recorded pictures would otherwise grow with the dpi a second time.
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(scale, scale);
        renderFigure(painter, QRect(QPoint(0, 0), size));
    }
    image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    return image.save(path);
}

bool InspectorView::exportSvg(const QString &path, QSize size)
{
    size = exportSize(size);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setResolution(96); // as the screen and the PDF: points in the figure are points on paper
    svg.setTitle(title());
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    renderFigure(painter, QRect(QPoint(0, 0), size));
    return painter.end();
}

bool InspectorView::exportPdf(const QString &path, QSize size)
{
    size = exportSize(size);
    QPdfWriter pdf(path);
    pdf.setTitle(title());
    pdf.setResolution(96);
    pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&pdf))
        return false;
    renderFigure(painter, QRect(QPoint(0, 0), size));
    return painter.end();
}

void InspectorView::renderFigure(QPainter &painter, const QRect &target)
{
    // A figure leaves the window (a paper, a post): it carries the view's title above the
    // picture. Pixel sizes, so the title is the same size on every device (SVG, PDF, PNG).
    QFont font = this->font();
    font.setBold(true);
    font.setPixelSize(int(std::lround(std::max(9.0, font.pointSizeF()) * 1.15 * 96.0 / 72.0)));
    const int h = QFontMetrics(font).height() + 8;
    painter.save();
    painter.setFont(font);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(target.left(), target.top() + 4, target.width(), h - 4), Qt::AlignHCenter | Qt::AlignTop,
                     title());
    painter.restore();
    render(painter, target.adjusted(0, h, 0, 0));
}

void InspectorView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *figure = menu.addAction(tr("Export Figure…"));
    QAction *data = menu.addAction(tr("Export Data as CSV…"));
    QAction *chosen = menu.exec(event->globalPos());
    if (chosen == figure || chosen == data)
        FigureExportDialog({this}, this, chosen == data ? QStringLiteral("csv") : QString(), this).exec();
}

bool InspectorView::exportFile(const QString &path, QSize size)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        return exportSvg(path, size);
    if (suffix == QLatin1String("pdf"))
        return exportPdf(path, size);
    if (suffix == QLatin1String("csv"))
        return exportCsv(path);
    return exportImage(path, size);
}

} // namespace folkrnn::widgets

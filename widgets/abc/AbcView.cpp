#include "widgets/abc/AbcView.h"

#include "core/sim/Run.h"
#include "widgets/abc/StaffRenderer.h"
#include "widgets/abc/StaffWidget.h"
#include "widgets/common/CsvWriter.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include <memory>

namespace folkrnn::widgets {

AbcView::AbcView(QWidget *parent)
    : InspectorView(parent), splitter_(new QSplitter(Qt::Vertical, this)), text_(new QTextBrowser(this)),
      staffArea_(new QScrollArea(this)), staff_(new StaffWidget), staffStatus_(new QLabel(this)),
      renderer_(new StaffRenderer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(splitter_, 1);
    layout->addWidget(staffStatus_);
    splitter_->addWidget(text_);
    splitter_->addWidget(staffArea_);
    splitter_->setStretchFactor(0, 2);
    splitter_->setStretchFactor(1, 3);
    splitter_->setSizes({200, 300});
    staffArea_->setWidget(staff_);
    staffArea_->setWidgetResizable(true);
    staffArea_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    staffArea_->setBackgroundRole(QPalette::Light);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(9.0, font().pointSizeF()));
    text_->setFont(mono);
    text_->setOpenLinks(false);
    text_->setUndoRedoEnabled(false);
    text_->setLineWrapMode(QTextEdit::WidgetWidth);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text_->viewport()->installEventFilter(this);
    // The staff is engraved for the width its area has, which is known only once the splitter has
    // laid the area out: after the view's own resize (a view shown alone for a figure kept the
    // width it had in a hidden window and engraved two bars a line).
    staffArea_->viewport()->installEventFilter(this);
    text_->viewport()->setCursor(Qt::PointingHandCursor);
    text_->setToolTip(tr("The tune so far, token by token. Click a token to go to its step."));
    staffStatus_->setTextFormat(Qt::PlainText);
    staffStatus_->setWordWrap(true);
    staffStatus_->setVisible(!renderer_->available());
    staffStatus_->setText(tr("Staff notation needs abcm2ps, which was not found on PATH."));
    staffArea_->setVisible(renderer_->available());
    connect(renderer_, &StaffRenderer::rendered, this, &AbcView::onStaffRendered);
    connect(renderer_, &StaffRenderer::failed, this, [this](const QString &message) {
        staffStatus_->setText(message);
        staffStatus_->setVisible(true);
    });
    runChanged();
}

QString AbcView::title() const { return tr("Tune (ABC)"); }

bool AbcView::staffPending() const { return renderer_->busy(); }

bool AbcView::staffShown() const { return !staff_->isEmpty(); }

void AbcView::runChanged()
{
    const Run *r = run();
    TuneText next = r ? sampleRnnText(*r) : TuneText{};
    if (next.text != tune_.text) {
        if (!tune_.text.isEmpty() && next.text.startsWith(tune_.text)) {
            // A step more at the end: lay out only the new text, not the whole tune again.
            QTextCursor end(text_->document());
            end.movePosition(QTextCursor::End);
            end.insertText(next.text.mid(tune_.text.size()));
        } else {
            text_->setPlainText(next.text);
        }
    }
    tune_ = std::move(next);
    highlighted_ = -1;
    highlight();
    requestStaff();
}

void AbcView::requestStaff()
{
    const Run *r = run();
    const QString source = r && r->steps() > 0 ? staffAbc(*r) : QString();
    const int width = staffArea_->viewport()->width();
    if (source == staffSource_ && std::abs(width - staffWidth_) < 24)
        return;
    staffSource_ = source;
    staffWidth_ = width;
    if (source.isEmpty())
        staff_->clear();
    else
        renderer_->request(source, width);
}

void AbcView::onStaffRendered(const QByteArray &svg)
{
    if (!staff_->setSvg(svg)) {
        staffStatus_->setText(tr("The engraved staff could not be read."));
        staffStatus_->setVisible(true);
        return;
    }
    staffStatus_->setVisible(false);
}

QTextCharFormat AbcView::highlightFormat() const
{
    QTextCharFormat f;
    f.setBackground(palette().color(QPalette::Highlight));
    f.setForeground(palette().color(QPalette::HighlightedText));
    return f;
}

void AbcView::highlight()
{
    const Run *r = run();
    const int step = selection()->step();
    const bool valid = r && step >= 0 && step < static_cast<int>(tune_.spans.size()) &&
                       tune_.spans[static_cast<std::size_t>(step)].end > tune_.spans[static_cast<std::size_t>(step)].begin;
    QTextDocument *doc = text_->document();
    // An extra selection, not a character format: formatting changes the document, which is
    // then laid out again (all of it, on every step).
    highlightedSpan_ = {};
    highlighted_ = -1;
    if (!valid) {
        text_->setExtraSelections({});
        return;
    }
    const TokenSpan span = tune_.spans[static_cast<std::size_t>(step)];
    highlightedSpan_ = span;
    QTextEdit::ExtraSelection mark;
    mark.cursor = QTextCursor(doc);
    mark.cursor.setPosition(span.begin);
    mark.cursor.setPosition(span.end, QTextCursor::KeepAnchor);
    mark.format = highlightFormat();
    text_->setExtraSelections({mark});
    const QTextCursor &c = mark.cursor;
    // Read back what was drawn: the step whose span starts where the highlight does.
    highlighted_ = tune_.stepAt(c.selectionStart());
    QTextCursor caret(doc);
    caret.setPosition(span.end);
    text_->setTextCursor(caret);
    text_->ensureCursorVisible();
}

void AbcView::selectionChanged(SelectionChange what)
{
    if (what & SelectionField::Step)
        highlight();
}

bool AbcView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == staffArea_->viewport() && event->type() == QEvent::Resize)
        requestStaff();
    if (watched == text_->viewport() && event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && !text_->textCursor().hasSelection()) {
            const int step = tune_.stepAt(text_->cursorForPosition(mouse->position().toPoint()).position());
            if (step >= 0)
                selection()->setStep(step);
        }
    }
    return InspectorView::eventFilter(watched, event);
}

void AbcView::changeEvent(QEvent *event)
{
    InspectorView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        highlight();
}

void AbcView::render(QPainter &painter, const QRect &target)
{
    painter.save();
    painter.fillRect(target, palette().color(QPalette::Base));
    std::unique_ptr<QTextDocument> doc(text_->document()->clone());
    doc->setDefaultFont(text_->font());
    doc->setTextWidth(target.width() - 8);
    const double textHeight = std::min<double>(doc->size().height(), staff_->isEmpty() ? target.height() : target.height() / 3.0);
    painter.translate(target.topLeft() + QPoint(4, 4));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette();
    if (highlightedSpan_.end > highlightedSpan_.begin) { // the screen's extra selection
        QAbstractTextDocumentLayout::Selection mark;
        mark.cursor = QTextCursor(doc.get());
        mark.cursor.setPosition(highlightedSpan_.begin);
        mark.cursor.setPosition(highlightedSpan_.end, QTextCursor::KeepAnchor);
        mark.format = highlightFormat();
        context.selections << mark;
    }
    context.clip = QRectF(0, 0, target.width() - 8, textHeight);
    painter.setClipRect(context.clip);
    doc->documentLayout()->draw(&painter, context);
    painter.setClipping(false);
    painter.translate(-4, textHeight + 8);
    if (!staff_->isEmpty())
        staff_->renderStaff(painter, QRectF(0, 0, target.width(), target.height() - textHeight - 12));
    painter.restore();
}

bool AbcView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    csv.row({QStringLiteral("step"), QStringLiteral("token"), QStringLiteral("begin"), QStringLiteral("end")});
    const Run *r = run();
    for (std::size_t t = 0; r && t < tune_.spans.size(); ++t)
        csv.row({QString::number(t), QString::fromStdString(r->tokenText(r->token(int(t)))),
                 QString::number(tune_.spans[t].begin), QString::number(tune_.spans[t].end)});
    return csv.finish();
}

} // namespace folkrnn::widgets

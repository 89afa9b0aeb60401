#pragma once
#include "widgets/abc/TuneLayout.h"
#include "widgets/common/InspectorView.h"

class QLabel;
class QTextCharFormat;
class QScrollArea;
class QSplitter;
class QTextBrowser;

namespace folkrnn::widgets {

class StaffRenderer;
class StaffWidget;

// The tune so far as text (sample_rnn layout) with the current step's token highlighted, and as
// staff notation engraved by abcm2ps in the background when it is installed. Clicking a token
// selects its step.
class AbcView : public InspectorView {
    Q_OBJECT
public:
    explicit AbcView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("abc"); }
    QString title() const override;
    int shownStep() const override { return highlighted_; }
    void render(QPainter &painter, const QRect &target) override;
    bool exportCsv(const QString &path) const override;

    const TuneText &tuneText() const { return tune_; }
    // The text widget, for tests that click a token.
    QTextBrowser *textWidget() const { return text_; }
    // Engraving has been requested and not yet shown.
    bool staffPending() const;
    bool figurePending() const override { return staffPending(); }
    bool staffShown() const;

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void highlight();
    QTextCharFormat highlightFormat() const;
    void requestStaff();
    void onStaffRendered(const QByteArray &svg);

    TuneText tune_;
    QString staffSource_;
    int highlighted_ = -1;
    TokenSpan highlightedSpan_; // the characters shown highlighted (none: empty)
    int staffWidth_ = 0;
    QSplitter *splitter_;
    QTextBrowser *text_;
    QScrollArea *staffArea_;
    StaffWidget *staff_;
    QLabel *staffStatus_;
    StaffRenderer *renderer_;
};

} // namespace folkrnn::widgets

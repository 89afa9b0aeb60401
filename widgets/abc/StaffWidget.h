#pragma once
#include <QSvgRenderer>
#include <QWidget>

namespace folkrnn::widgets {

// Shows one engraved SVG on white paper (notation is black whatever the palette), scaled to the
// widget's width with its aspect ratio kept; its height follows, for a scroll area.
class StaffWidget : public QWidget {
    Q_OBJECT
public:
    explicit StaffWidget(QWidget *parent = nullptr);

    bool setSvg(const QByteArray &svg);
    void clear();
    bool isEmpty() const { return !renderer_.isValid(); }
    // Draws the staff into `target`, top-aligned (also what paintEvent draws).
    void renderStaff(QPainter &painter, const QRectF &target);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QSvgRenderer renderer_;
};

} // namespace folkrnn::widgets

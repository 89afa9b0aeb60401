#include "widgets/abc/StaffWidget.h"

#include <QPainter>

namespace folkrnn::widgets {

StaffWidget::StaffWidget(QWidget *parent) : QWidget(parent)
{
    // QScrollArea asks the size policy, not hasHeightForWidth(), whether height follows width.
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

bool StaffWidget::setSvg(const QByteArray &svg)
{
    const bool ok = renderer_.load(svg);
    updateGeometry();
    update();
    return ok;
}

void StaffWidget::clear()
{
    renderer_.load(QByteArray());
    updateGeometry();
    update();
}

int StaffWidget::heightForWidth(int width) const
{
    if (!renderer_.isValid())
        return 0;
    const QSizeF s = renderer_.defaultSize();
    return s.width() > 0 ? int(width * s.height() / s.width()) + 1 : 0;
}

QSize StaffWidget::sizeHint() const
{
    return renderer_.isValid() ? renderer_.defaultSize() : QSize(400, 0);
}

void StaffWidget::renderStaff(QPainter &painter, const QRectF &target)
{
    painter.fillRect(target, Qt::white);
    if (!renderer_.isValid())
        return;
    const QSizeF s = renderer_.defaultSize();
    const double scale = std::min(target.width() / s.width(), target.height() / s.height());
    renderer_.render(&painter, QRectF(target.topLeft(), s * scale));
}

void StaffWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    renderStaff(painter, rect());
}

} // namespace folkrnn::widgets

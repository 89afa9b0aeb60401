#include "widgets/common/LabelTickers.h"

#include "core/sim/Run.h"

#include <QFontMetricsF>

#include <cmath>

namespace folkrnn::widgets {

double labelPitch(const QCPAxis *axis)
{
    const QFontMetricsF fm(axis->tickLabelFont());
    const bool alongText = axis->orientation() == Qt::Horizontal && std::abs(axis->tickLabelRotation()) < 45;
    // Horizontal unrotated labels need their width; estimate it from short token texts.
    return alongText ? fm.horizontalAdvance(QStringLiteral("M:12/8")) + 4.0 : fm.height() * 1.05;
}

double pixelsPerUnit(const QCPAxis *axis)
{
    const double length = axis->orientation() == Qt::Horizontal ? axis->axisRect()->width() : axis->axisRect()->height();
    const double span = axis->range().size();
    return span > 0 && length > 0 ? length / span : 1.0;
}

QVector<QString> stepTokenLabels(const folkrnn::Run *run)
{
    QVector<QString> out;
    if (!run)
        return out;
    out.reserve(run->steps());
    for (int t = 0; t < run->steps(); ++t)
        out.push_back(QString::fromStdString(run->tokenText(run->token(t))));
    return out;
}

void updateStepTokenLabels(StrideLabelTicker &ticker, const folkrnn::Run *run, int kept)
{
    if (!run || kept <= 0 || kept > ticker.labels().size()) {
        ticker.setLabels(stepTokenLabels(run));
        return;
    }
    QVector<QString> labels = ticker.labels();
    labels.resize(kept);
    labels.reserve(run->steps());
    for (int t = kept; t < run->steps(); ++t)
        labels.push_back(QString::fromStdString(run->tokenText(run->token(t))));
    ticker.setLabels(std::move(labels));
}

QSharedPointer<StrideLabelTicker> installStepTokenAxis(QCPAxis *axis)
{
    QSharedPointer<StrideLabelTicker> ticker(new StrideLabelTicker(axis));
    axis->setTicker(ticker);
    axis->setTickLabelRotation(-90);
    axis->setSubTicks(false);
    axis->grid()->setVisible(false);
    return ticker;
}

void StrideLabelTicker::generate(const QCPRange &range, const QLocale &, QChar, int, QVector<double> &ticks,
                                 QVector<double> *subTicks, QVector<QString> *tickLabels)
{
    ticks.clear();
    if (subTicks)
        subTicks->clear();
    if (tickLabels)
        tickLabels->clear();
    const int n = static_cast<int>(labels_.size());
    const int lo = std::max(0, static_cast<int>(std::ceil(range.lower)));
    const int hi = std::min(n - 1, static_cast<int>(std::floor(range.upper)));
    if (hi < lo)
        return;
    const double need = labelPitch(axis_) / pixelsPerUnit(axis_); // data units per label
    static constexpr int kSteps[] = {1, 2, 5};
    stride_ = 1;
    for (int magnitude = 1; stride_ < need; magnitude *= 10) {
        for (int s : kSteps) {
            stride_ = s * magnitude;
            if (stride_ >= need)
                break;
        }
    }
    for (int k = (lo + stride_ - 1) / stride_ * stride_; k <= hi; k += stride_) {
        ticks.push_back(k);
        if (tickLabels)
            tickLabels->push_back(labels_[k]);
    }
}

void SparseLabelTicker::setLabels(QVector<double> positions, QVector<QString> labels)
{
    positions_ = std::move(positions);
    labels_ = std::move(labels);
}

void SparseLabelTicker::generate(const QCPRange &range, const QLocale &, QChar, int, QVector<double> &ticks,
                                 QVector<double> *subTicks, QVector<QString> *tickLabels)
{
    ticks.clear();
    if (subTicks)
        subTicks->clear();
    if (tickLabels)
        tickLabels->clear();
    const double need = labelPitch(axis_) / pixelsPerUnit(axis_);
    double last = -1e300;
    for (int k = 0; k < positions_.size(); ++k) {
        const double p = positions_[k];
        if (p < range.lower || p > range.upper || p - last < need)
            continue;
        last = p;
        ticks.push_back(p);
        if (tickLabels)
            tickLabels->push_back(labels_[k]);
    }
}

} // namespace folkrnn::widgets

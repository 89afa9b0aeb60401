#pragma once
#include <qcustomplot.h>

#include <QString>
#include <QVector>

namespace folkrnn { class Run; }

namespace folkrnn::widgets {

// Tickers that label integer positions with text (tokens along a step or vocabulary axis) and
// thin the labels to what fits: they read the axis' pixel length and label font when the plot
// lays out, so they stay legible at any window size or export size.

// Positions 0..n-1, one label each; shows every k-th with k from 1, 2, 5, 10, 20, ... aligned to
// multiples of k so that labels do not shuffle while panning.
class StrideLabelTicker : public QCPAxisTicker {
public:
    explicit StrideLabelTicker(QCPAxis *axis) : axis_(axis) {}
    void setLabels(QVector<QString> labels) { labels_ = std::move(labels); }
    const QVector<QString> &labels() const { return labels_; }
    // The stride last used (1 = every position labelled).
    int stride() const { return stride_; }

    void generate(const QCPRange &range, const QLocale &locale, QChar formatChar, int precision,
                  QVector<double> &ticks, QVector<double> *subTicks, QVector<QString> *tickLabels) override;

private:
    QCPAxis *axis_;
    QVector<QString> labels_;
    int stride_ = 1;
};

// Labels at given positions (category names at the centre of their rows); a label that would
// overlap the previous shown one is skipped.
class SparseLabelTicker : public QCPAxisTicker {
public:
    explicit SparseLabelTicker(QCPAxis *axis) : axis_(axis) {}
    void setLabels(QVector<double> positions, QVector<QString> labels);

    void generate(const QCPRange &range, const QLocale &locale, QChar formatChar, int precision,
                  QVector<double> &ticks, QVector<double> *subTicks, QVector<QString> *tickLabels) override;

private:
    QCPAxis *axis_;
    QVector<double> positions_;
    QVector<QString> labels_;
};

// The token taken at each step of `run` (empty for none), as step-axis labels.
QVector<QString> stepTokenLabels(const folkrnn::Run *run);
// The same into `ticker`, keeping its first `kept` labels (steps the run kept unchanged).
void updateStepTokenLabels(StrideLabelTicker &ticker, const folkrnn::Run *run, int kept);
// A step axis showing the tokens taken, rotated to read upwards.
QSharedPointer<StrideLabelTicker> installStepTokenAxis(QCPAxis *axis);

// Pixels one label needs along `axis` (its font height for vertical axes and rotated labels).
double labelPitch(const QCPAxis *axis);
// Pixels per data unit along `axis`.
double pixelsPerUnit(const QCPAxis *axis);

} // namespace folkrnn::widgets

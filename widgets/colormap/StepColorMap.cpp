#include "widgets/colormap/StepColorMap.h"

#include "widgets/colormap/StepColorMapData.h"

#include <cstring>

namespace folkrnn::widgets {

StepColorMap::StepColorMap(QCPAxis *keyAxis, QCPAxis *valueAxis) : QCPColorMap(keyAxis, valueAxis)
{
    setData(new StepColorMapData, false);
    setInterpolate(false);
}

StepColorMapData *StepColorMap::stepData() const { return static_cast<StepColorMapData *>(data()); }

void StepColorMap::updateMapImage()
{
    StepColorMapData *cells = stepData();
    const int keySize = cells->keySize(), valueSize = cells->valueSize();
    const int from = cells->firstChangedColumn();
    // QCustomPlot oversamples maps of 100 cells or fewer along an axis (and interpolates on
    // request) so that the image is not one pixel per cell: those are small, redone in full.
    const bool onePixelPerCell = !mInterpolate && keySize > 100 && valueSize > 100;
    const bool columnsOnly = from > 0 && !mMapImageInvalidated && onePixelPerCell && mKeyAxis &&
                             mKeyAxis->orientation() == Qt::Horizontal && mMapImage.height() == valueSize &&
                             mMapImage.width() >= from && mUndersampledMapImage.isNull();
    if (!columnsOnly) {
        QCPColorMap::updateMapImage();
        cells->markImageCurrent();
        return;
    }
    if (mMapImage.width() != keySize) {
        QImage grown(keySize, valueSize, mMapImage.format());
        const qsizetype kept = qsizetype(from) * qsizetype(sizeof(QRgb));
        for (int y = 0; y < valueSize; ++y)
            std::memcpy(grown.scanLine(y), mMapImage.constScanLine(y), kept);
        mMapImage = grown;
    }
    const bool logarithmic = mDataScaleType == QCPAxis::stLogarithmic;
    const double *data = cells->cells();
    for (int value = 0; value < valueSize; ++value) {
        // QImage's scan lines run top down, values bottom up.
        auto *pixels = reinterpret_cast<QRgb *>(mMapImage.scanLine(valueSize - 1 - value));
        mGradient.colorize(data + std::size_t(value) * std::size_t(keySize) + from, mDataRange, pixels + from,
                           keySize - from, 1, logarithmic);
    }
    cells->markImageCurrent();
    mMapImageInvalidated = false;
}

} // namespace folkrnn::widgets

#include "widgets/colormap/StepColorMapData.h"

#include <algorithm>
#include <cstring>

namespace folkrnn::widgets {

void StepColorMapData::resizeKeepingColumns(int keySize, int valueSize)
{
    if (valueSize != mValueSize || mIsEmpty || keySize <= 0 || valueSize <= 0) {
        setSize(keySize, valueSize);
        tracking_ = false;
        return;
    }
    if (keySize == mKeySize)
        return;
    // Cells are stored value-major (mData[value * keySize + key]): every row moves to its new
    // stride. A copy of the kept cells costs far less than computing them again.
    const std::size_t n = std::size_t(keySize) * std::size_t(valueSize);
    auto *data = new double[n];
    const int keep = std::min(keySize, mKeySize);
    for (int v = 0; v < valueSize; ++v) {
        double *row = data + std::size_t(v) * std::size_t(keySize);
        std::memcpy(row, mData + std::size_t(v) * std::size_t(mKeySize), std::size_t(keep) * sizeof(double));
        std::fill(row + keep, row + keySize, 0.0);
    }
    delete[] mData;
    mData = data;
    mKeySize = keySize;
    if (mAlpha) // no view here uses an alpha map; keep QCustomPlot's invariant (sized as the cells)
        clearAlpha();
    markChangedFrom(keep);
}

void StepColorMapData::markChangedFrom(int key)
{
    if (mDataModified && !tracking_)
        return; // a change QCustomPlot recorded (setSize(), setCell()...) already redraws it all
    firstChanged_ = tracking_ ? std::min(firstChanged_, key) : key;
    tracking_ = true;
    mDataModified = true;
}

void StepColorMapData::markImageCurrent()
{
    mDataModified = false;
    tracking_ = false;
    firstChanged_ = mKeySize;
}

} // namespace folkrnn::widgets

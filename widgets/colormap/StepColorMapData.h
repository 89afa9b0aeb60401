#pragma once
#include <qcustomplot.h>

namespace folkrnn::widgets {

// Colour-map cells with steps along the key axis that can change their number of steps keeping
// the cells of the steps that stay (QCPColorMapData::setSize() discards every cell): a map
// following a growing run fills one new column instead of the whole run.
//
// It also remembers the first column changed since the map last drew its image, so that
// StepColorMap colours only the new columns. Columns change through fillColumns() (and
// resizeKeepingColumns()); anything else QCPColorMapData offers makes the whole image redrawn.
class StepColorMapData : public QCPColorMapData {
public:
    StepColorMapData() : QCPColorMapData(0, 0, QCPRange(0, 1), QCPRange(0, 1)) {}

    // keySize x valueSize cells; with the same valueSize the first min(old, new) key columns
    // keep their values, new ones are 0. Another valueSize starts from zeros (as setSize()).
    void resizeKeepingColumns(int keySize, int valueSize);

    // Sets the cells of key columns [from, keySize()) to cell(key, value).
    template <class CellValue> void fillColumns(int from, CellValue &&cell)
    {
        for (int value = 0; value < mValueSize; ++value) {
            double *row = mData + std::size_t(value) * std::size_t(mKeySize);
            for (int key = from; key < mKeySize; ++key)
                row[key] = cell(key, value);
        }
        markChangedFrom(from);
    }

    // The first key column changed since markImageCurrent(), or -1 when the changes are not
    // known column by column (QCustomPlot's own setters: then every column counts as changed).
    // Mixing those setters with fillColumns() between two images would hide theirs: don't.
    int firstChangedColumn() const { return !mDataModified ? mKeySize : tracking_ ? firstChanged_ : -1; }
    const double *cells() const { return mData; }
    // The map's image shows every cell as it is now.
    void markImageCurrent();

private:
    void markChangedFrom(int key);

    int firstChanged_ = 0;
    bool tracking_ = false; // every change since the last image came through markChangedFrom()
};

} // namespace folkrnn::widgets

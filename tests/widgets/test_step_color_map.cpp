// StepColorMap colours only the columns its cells report changed: after any sequence of growth,
// shrinking, refills and QCustomPlot's own setters, its image must equal the image QCustomPlot
// draws from scratch for the same cells.
#include "widgets/colormap/ColorMaps.h"
#include "widgets/colormap/StepColorMap.h"
#include "widgets/colormap/StepColorMapData.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>

using namespace folkrnn::widgets;

namespace {

double cellValue(int key, int value, int seed) { return std::sin(0.37 * key + 0.11 * value * seed) * 3.0; }

} // namespace

class TestStepColorMap : public QObject {
    Q_OBJECT
    QCustomPlot plot;
    StepColorMap *map = nullptr;   // the one under test, changed step by step
    StepColorMap *fresh = nullptr; // redrawn from scratch each time
    int seed = 1;

    void fill(int keys, int values, int from)
    {
        StepColorMapData *d = map->stepData();
        d->resizeKeepingColumns(keys, values);
        d->setRange(QCPRange(0, keys - 1), QCPRange(0, values - 1));
        d->fillColumns(from, [this](int k, int v) { return cellValue(k, v, seed); });
    }

    // Draws both maps and compares the images the test map and a from-scratch map made.
    void expectImageAsFresh(const char *what)
    {
        plot.replot();
        *fresh->data() = *map->data(); // QCPColorMapData's assignment marks every cell changed
        fresh->setDataRange(map->dataRange());
        fresh->setGradient(map->gradient());
        plot.replot();
        const QImage &a = map->mapImage(), &b = fresh->mapImage();
        QVERIFY2(a.size() == b.size(), what);
        QVERIFY2(!a.isNull(), what);
        for (int y = 0; y < a.height(); ++y)
            for (int x = 0; x < a.width(); ++x)
                if (a.pixel(x, y) != b.pixel(x, y))
                    QFAIL(qPrintable(QStringLiteral("%1: pixel (%2, %3) differs").arg(QLatin1String(what)).arg(x).arg(y)));
        QCOMPARE(map->stepData()->firstChangedColumn(), map->stepData()->keySize()); // all drawn
    }

private slots:
    void initTestCase()
    {
        plot.resize(600, 400);
        map = new StepColorMap(plot.xAxis, plot.yAxis);
        fresh = new StepColorMap(plot.xAxis2, plot.yAxis2);
        for (StepColorMap *m : {map, fresh}) {
            m->setGradient(viridisGradient());
            m->setDataRange(QCPRange(-3, 3));
        }
        plot.xAxis->setRange(-1, 200);
        plot.yAxis->setRange(-1, 200);
    }

    void growingOneColumnAtATime()
    {
        fill(120, 130, 0);
        expectImageAsFresh("first fill");
        for (int keys = 121; keys < 130; ++keys) {
            fill(keys, 130, keys - 1);
            expectImageAsFresh("one step more");
        }
    }

    void growingSeveralSteps()
    {
        const int keys = map->stepData()->keySize();
        fill(keys + 7, 130, keys);
        expectImageAsFresh("seven steps more");
    }

    void shrinkingAndRefillingTheTail()
    {
        const int keys = map->stepData()->keySize();
        fill(keys - 5, 130, keys - 5); // step back: nothing to colour, the image narrows
        expectImageAsFresh("five steps fewer");
        seed = 2; // an intervention from step 110 on changes the later cells
        fill(keys + 3, 130, 110);
        expectImageAsFresh("tail recomputed");
    }

    void changesTheColumnsCannotDescribeRedrawEverything()
    {
        map->setDataRange(QCPRange(-1, 1)); // new colours for every cell
        expectImageAsFresh("colour range");
        map->stepData()->setCell(3, 4, 2.5); // QCustomPlot's own setter: no column known
        QCOMPARE(map->stepData()->firstChangedColumn(), -1);
        fill(map->stepData()->keySize() + 1, 130, map->stepData()->keySize());
        QCOMPARE(map->stepData()->firstChangedColumn(), -1); // still the whole image
        expectImageAsFresh("setCell, then a step");
        const int keys = map->stepData()->keySize();
        fill(keys, 140, 0); // another number of units: all cells anew
        expectImageAsFresh("other value size");
    }

    void smallMapsAreOversampledByQCustomPlot()
    {
        seed = 3;
        fill(40, 24, 0); // QCustomPlot draws maps of up to 100 cells per axis larger than 1:1
        expectImageAsFresh("small map");
        fill(41, 24, 40);
        expectImageAsFresh("small map grown");
    }
};

QTEST_MAIN(TestStepColorMap)
#include "test_step_color_map.moc"

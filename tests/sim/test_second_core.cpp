// The two-core split of a step: each part runs exactly once, concurrent callers stay correct,
// splitting the rows of a step's products, wherever the cut, changes no bit of the result, and the
// cut follows the two cores' speeds (SplitBalance).
#include "core/sim/FusedWeights.h"
#include "core/sim/LstmStep.h"
#include "core/util/SecondCore.h"
#include "core/util/SplitBalance.h"

#include <QtTest>

#include <atomic>
#include <cmath>
#include <random>
#include <thread>

using namespace folkrnn;

namespace {

// A layer in FusedLayer's layout; with `oneHot`, x·W_x is a row of 7 input rows.
FusedLayer randomLayer(int inputs, int hidden, bool oneHot, std::mt19937 &rng)
{
    std::normal_distribution<float> n(0.0f, 0.1f);
    FusedLayer layer;
    layer.inputSize = oneHot ? 7 : inputs;
    layer.hidden = hidden;
    layer.oneHotInput = oneHot;
    layer.unitRows = RowGroups(
        RowMatrixXf::NullaryExpr(4 * hidden, (oneHot ? 0 : inputs) + hidden, [&] { return n(rng); }));
    if (oneHot)
        layer.inputRows = RowMatrixXf::NullaryExpr(7, 4 * hidden, [&] { return n(rng); });
    layer.bias = Eigen::VectorXd::NullaryExpr(4 * hidden, [&] { return double(n(rng)); });
    return layer;
}

Eigen::VectorXd randomVector(int size, std::mt19937 &rng)
{
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    return Eigen::VectorXd::NullaryExpr(size, [&] { return u(rng); });
}

} // namespace

class TestSecondCore : public QObject {
    Q_OBJECT
private slots:
    void everyPartRunsOnce()
    {
        std::vector<int> counts(2, 0);
        for (int k = 0; k < 20000; ++k)
            SecondCore::instance().split([&](int part) noexcept { ++counts[std::size_t(part)]; });
        QCOMPARE(counts[0], 20000);
        QCOMPARE(counts[1], 20000);
    }

    void concurrentCallers()
    {
        // Two threads splitting at once: one gets the helper, the other computes both parts itself.
        std::atomic<long> sum{0};
        const auto work = [&] {
            for (int k = 0; k < 5000; ++k)
                SecondCore::instance().split([&](int part) noexcept { sum.fetch_add(part + 1); });
        };
        std::thread a(work), b(work);
        a.join();
        b.join();
        QCOMPARE(sum.load(), long(2 * 5000 * 3));
    }

    void splitRowsAreBitIdentical_data()
    {
        QTest::addColumn<int>("inputs");
        QTest::addColumn<int>("hidden");
        QTest::newRow("3x512 layer") << 512 << 512;
        QTest::newRow("odd sizes") << 37 << 23;
        QTest::newRow("tiny") << 3 << 1;
    }
    void splitRowsAreBitIdentical()
    {
        QFETCH(int, inputs);
        QFETCH(int, hidden);
        std::mt19937 rng(7);
        for (bool oneHot : {false, true}) {
            const FusedLayer layer = randomLayer(inputs, hidden, oneHot, rng);
            const Eigen::VectorXd xh = randomVector(int(layer.unitRows.cols()), rng);
            const int inputRow = oneHot ? 3 : -1;
            Eigen::VectorXd whole(4 * hidden), parts(4 * hidden);
            lstmPreactivationUnits(layer, inputRow, xh, whole, 0, hidden);
            const Eigen::Index cut = hidden / 2;
            SecondCore::instance().split([&](int part) noexcept {
                lstmPreactivationUnits(layer, inputRow, xh, parts, part ? cut : 0, part ? hidden : cut);
            });
            QCOMPARE(std::memcmp(whole.data(), parts.data(), sizeof(double) * std::size_t(4 * hidden)), 0);
        }
    }

    void splitLayerIsBitIdentical_data() { splitRowsAreBitIdentical_data(); }
    void splitLayerIsBitIdentical()
    {
        // Half of the units per core, gates included, at every cut.
        QFETCH(int, inputs);
        QFETCH(int, hidden);
        std::mt19937 rng(11);
        const FusedLayer layer = randomLayer(inputs, hidden, false, rng);
        const Eigen::VectorXd xh = randomVector(inputs + hidden, rng);
        const Eigen::VectorXd c0 = randomVector(hidden, rng);
        Eigen::VectorXd zu(4 * hidden), zWhole(4 * hidden), cWhole = c0, hWhole(hidden);
        lstmLayerUnits(layer, -1, xh, zu, zWhole, cWhole, hWhole, 0, hidden);
        for (int cut = 0; cut <= hidden; cut += std::max(1, hidden / 7)) {
            Eigen::VectorXd z(4 * hidden), c = c0, hOut(hidden);
            SecondCore::instance().split([&](int part) noexcept {
                lstmLayerUnits(layer, -1, xh, zu, z, c, hOut, part ? cut : 0, part ? hidden : cut);
            });
            QCOMPARE(std::memcmp(zWhole.data(), z.data(), sizeof(double) * std::size_t(4 * hidden)), 0);
            QCOMPARE(std::memcmp(cWhole.data(), c.data(), sizeof(double) * std::size_t(hidden)), 0);
            QCOMPARE(std::memcmp(hWhole.data(), hOut.data(), sizeof(double) * std::size_t(hidden)), 0);
        }
    }

    // The row kernel (RowGroups: four rows interleaved per 8 columns) sums every row in its
    // documented order, here spelled out over the row-major matrix: eight fused multiply-add
    // chains over the columns k = j (mod 8), reduced as ((l0 + l4) + (l2 + l6)) + ((l1 + l5) +
    // (l3 + l7)), then the columns past the last multiple of 8 one by one; to the bit, wherever a
    // range of rows starts or ends.
    void groupedRowsSumInTheKernelsOrder_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::newRow("a 3x512 layer's rows") << 2048 << 1024;
        QTest::newRow("columns past the last 8") << 92 << 60;
        QTest::newRow("rows past the last group") << 137 << 64;
        QTest::newRow("fewer columns than a block") << 6 << 5;
    }
    void groupedRowsSumInTheKernelsOrder()
    {
        QFETCH(int, rows);
        QFETCH(int, cols);
        std::mt19937 rng(5);
        std::normal_distribution<float> n(0.0f, 0.1f);
        const RowMatrixXf W = RowMatrixXf::NullaryExpr(rows, cols, [&] { return n(rng); });
        const RowGroups grouped(W);
        for (int r = 0; r < rows; r += std::max(1, rows / 9))
            for (int c = 0; c < cols; c += std::max(1, cols / 7))
                QCOMPARE(grouped(r, c), W(r, c));
        const Eigen::VectorXd x = randomVector(cols, rng);
        Eigen::VectorXd expected(rows);
        const int n8 = cols - cols % 8;
        for (int r = 0; r < rows; ++r) {
            double l[8] = {};
            for (int k = 0; k < n8; ++k)
                l[k % 8] = std::fma(double(W(r, k)), x[k], l[k % 8]);
            double sum = ((l[0] + l[4]) + (l[2] + l[6])) + ((l[1] + l[5]) + (l[3] + l[7]));
            for (int k = n8; k < cols; ++k)
                sum = std::fma(double(W(r, k)), x[k], sum);
            expected[r] = 0.25 + sum;
        }
        Eigen::VectorXd got = Eigen::VectorXd::Constant(rows, 0.25);
        accumulateGroups(grouped, 0, rows, x, got);
        QCOMPARE(std::memcmp(expected.data(), got.data(), sizeof(double) * std::size_t(rows)), 0);
        // A range starting on a later group, ending inside one.
        const Eigen::Index first = 4 * (rows / 8), count = std::min<Eigen::Index>(rows - first, 7);
        Eigen::VectorXd part = Eigen::VectorXd::Constant(count, 0.25);
        accumulateGroups(grouped, first, count, x, part);
        QCOMPARE(std::memcmp(expected.data() + first, part.data(), sizeof(double) * std::size_t(count)), 0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, accumulateGroups(grouped, 2, 1, x, part));
    }

    void balanceMovesTheCutTowardEqualTimes()
    {
        SplitBalance b;
        QCOMPARE(b.cut(512, 1), std::ptrdiff_t(256));
        QCOMPARE(b.cut(137, 4), std::ptrdiff_t(68));
        // Part 1 takes twice as long per item: equal times need two thirds of the items in part 0.
        for (int k = 0; k < 40; ++k) {
            const std::ptrdiff_t c = b.cut(600, 1);
            b.update(c, 600, double(c) * 1e-6, double(600 - c) * 2e-6);
        }
        QVERIFY(std::abs(b.share() - 2.0 / 3.0) < 1e-3);
        QCOMPARE(b.cut(600, 1), std::ptrdiff_t(400));
        QCOMPARE(b.cut(600, 8) % 8, std::ptrdiff_t(0));
        // Measurements that say nothing leave it alone; a stalled part does not starve it for good.
        const double before = b.share();
        b.update(0, 600, 1e-3, 1e-3);
        b.update(300, 600, 0.0, 1e-3);
        b.update(300, 600, std::nan(""), 1e-3);
        QCOMPARE(b.share(), before);
        for (int k = 0; k < 40; ++k)
            b.update(b.cut(600, 1), 600, 1.0, 1e-6);
        QCOMPARE(b.share(), 0.25);
    }

    void balancedSplitCoversEveryItemOnce()
    {
        SplitBalance b;
        for (int round = 0; round < 200; ++round) {
            const std::ptrdiff_t n = 1 + round * 7 % 300;
            std::vector<std::atomic<int>> seen(static_cast<std::size_t>(n));
            b.split(n, 1, [&](std::ptrdiff_t begin, std::ptrdiff_t end) {
                for (std::ptrdiff_t k = begin; k < end; ++k)
                    seen[static_cast<std::size_t>(k)].fetch_add(1);
            });
            for (const auto &v : seen)
                QCOMPARE(v.load(), 1);
            QVERIFY(b.share() >= 0.25 && b.share() <= 0.75);
        }
    }

    void splitDenseIsBitIdentical()
    {
        // 137 tokens: the cut falls on a group boundary and the last group is padded.
        std::mt19937 rng(9);
        std::normal_distribution<float> n(0.0f, 0.1f);
        const int H = 64, V = 137;
        const RowGroups denseT(RowMatrixXf::NullaryExpr(V, H, [&] { return n(rng); }));
        const Eigen::VectorXd h = randomVector(H, rng);
        Eigen::VectorXd whole = Eigen::VectorXd::Zero(V), parts = Eigen::VectorXd::Zero(V);
        accumulateGroups(denseT, 0, V, h, whole);
        const Eigen::Index cut = splitPoint(V);
        QCOMPARE(cut % kRowBlock, Eigen::Index(0));
        SecondCore::instance().split([&](int part) noexcept {
            const Eigen::Index b = part ? cut : 0, e = part ? V : cut;
            accumulateGroups(denseT, b, e - b, h, parts.segment(b, e - b));
        });
        QCOMPARE(std::memcmp(whole.data(), parts.data(), sizeof(double) * V), 0);
    }
};

QTEST_APPLESS_MAIN(TestSecondCore)
#include "test_second_core.moc"

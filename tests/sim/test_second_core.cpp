// The two-core split of a step: each part runs exactly once, concurrent callers stay correct, and
// splitting the rows of a step's products, wherever the cut, changes no bit of the result.
#include "core/sim/FusedWeights.h"
#include "core/sim/LstmStep.h"
#include "core/util/SecondCore.h"

#include <QtTest>

#include <atomic>
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

    // The step kernel reads a layer's weights as RowGroups (four rows interleaved per 8 columns):
    // every row's sum is the one the row-major kernel gives, to the bit, wherever a range of rows
    // starts or ends and whatever is left past the last 8 columns.
    void groupedRowsEqualRowMajor_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::newRow("a 3x512 layer's rows") << 2048 << 1024;
        QTest::newRow("columns past the last 8") << 92 << 60;
        QTest::newRow("rows past the last group") << 137 << 64;
        QTest::newRow("fewer columns than a block") << 6 << 5;
    }
    void groupedRowsEqualRowMajor()
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
        Eigen::VectorXd expected = Eigen::VectorXd::Constant(rows, 0.25), got = expected;
        accumulateRows(W, x, expected);
        accumulateGroups(grouped, 0, rows, x, got);
        QCOMPARE(std::memcmp(expected.data(), got.data(), sizeof(double) * std::size_t(rows)), 0);
        // A range starting on a later group, ending inside one.
        const Eigen::Index first = 4 * (rows / 8), count = std::min<Eigen::Index>(rows - first, 7);
        Eigen::VectorXd part = Eigen::VectorXd::Constant(count, 0.25);
        accumulateGroups(grouped, first, count, x, part);
        QCOMPARE(std::memcmp(expected.data() + first, part.data(), sizeof(double) * std::size_t(count)), 0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, accumulateGroups(grouped, 2, 1, x, part));
    }

    void splitDenseIsBitIdentical()
    {
        // 137 tokens: the cut falls on a block boundary and the last row stays in the tail.
        std::mt19937 rng(9);
        std::normal_distribution<float> n(0.0f, 0.1f);
        const int H = 64, V = 137;
        RowMatrixXf denseT = RowMatrixXf::NullaryExpr(V, H, [&] { return n(rng); });
        const Eigen::VectorXd h = randomVector(H, rng);
        Eigen::VectorXd whole = Eigen::VectorXd::Zero(V), parts = Eigen::VectorXd::Zero(V);
        accumulateRows(denseT, h, whole);
        const Eigen::Index cut = splitPoint(V);
        QCOMPARE(cut % kRowBlock, Eigen::Index(0));
        SecondCore::instance().split([&](int part) noexcept {
            const Eigen::Index b = part ? cut : 0, e = part ? V : cut;
            accumulateRows(denseT.middleRows(b, e - b), h, parts.segment(b, e - b));
        });
        QCOMPARE(std::memcmp(whole.data(), parts.data(), sizeof(double) * V), 0);
    }
};

QTEST_APPLESS_MAIN(TestSecondCore)
#include "test_second_core.moc"

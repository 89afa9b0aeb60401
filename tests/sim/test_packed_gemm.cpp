// The batched path's GEMM over pre-packed float32 weights: each element of C must be the fused
// multiply-add chain c ← fma(a_k, b_k, c) in k order (so a tune's numbers never depend on the
// batch around it), over every edge the blocking has: rows not a multiple of the kernel's six,
// columns not a multiple of its eight, a depth past one cache block, A given as two blocks.
#include "core/sim/PackedGemm.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace folkrnn;

namespace {

using RowMatrixXd = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

RowMatrixXd randomRows(Eigen::Index rows, Eigen::Index cols, std::mt19937 &rng)
{
    std::normal_distribution<double> d;
    RowMatrixXd m(rows, cols);
    for (Eigen::Index k = 0; k < m.size(); ++k)
        m.data()[k] = d(rng);
    return m;
}

// The specification, element by element.
RowMatrixXd reference(const RowMatrixXd &c0, const RowMatrixXd &a, const Eigen::MatrixXf &b)
{
    RowMatrixXd c = c0;
    for (Eigen::Index r = 0; r < c.rows(); ++r)
        for (Eigen::Index j = 0; j < c.cols(); ++j)
            for (Eigen::Index k = 0; k < a.cols(); ++k)
                c(r, j) = std::fma(a(r, k), double(b(k, j)), c(r, j));
    return c;
}

} // namespace

class TestPackedGemm : public QObject {
    Q_OBJECT
private slots:
    void equalsTheFmaChainInKOrder_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("left");
        QTest::addColumn<int>("right");
        QTest::addColumn<int>("cols");
        QTest::newRow("one row, one panel") << 1 << 0 << 5 << 8;
        QTest::newRow("exact tiles") << 12 << 0 << 64 << 16;
        QTest::newRow("row and column edges") << 13 << 0 << 40 << 37;
        QTest::newRow("two blocks past one depth block") << 7 << 300 << 213 << 21;
        QTest::newRow("batch-like") << 64 << 128 << 128 << 100;
    }
    void equalsTheFmaChainInKOrder()
    {
        QFETCH(int, rows);
        QFETCH(int, left);
        QFETCH(int, right);
        QFETCH(int, cols);
        std::mt19937 rng(rows * 7919 + cols);
        const RowMatrixXd x = randomRows(rows, left, rng), h = randomRows(rows, right, rng);
        const RowMatrixXd c0 = randomRows(rows, cols, rng);
        const Eigen::MatrixXf b = randomRows(left + right, cols, rng).cast<float>();
        RowMatrixXd a(rows, left + right);
        a << x, h;

        const PackedMatrix packed(b);
        QCOMPARE(packed.rows(), Eigen::Index(left + right));
        QCOMPARE(packed.cols(), Eigen::Index(cols));
        // C inside a wider buffer: the kernel must keep to its columns.
        RowMatrixXd wide = RowMatrixXd::Constant(rows, cols + 3, -7.0);
        wide.leftCols(cols) = c0;
        GemmScratch scratch;
        gemmPacked({{x.data(), x.cols(), x.cols()}, {h.data(), h.cols(), h.cols()}}, rows, packed, wide.data(),
                   wide.cols(), scratch);
        const RowMatrixXd expected = reference(c0, a, b);
        for (Eigen::Index r = 0; r < rows; ++r)
            for (Eigen::Index j = 0; j < cols; ++j)
                if (wide(r, j) != expected(r, j))
                    QFAIL(qPrintable(QStringLiteral("C(%1, %2) = %3, the fma chain gives %4")
                                         .arg(r).arg(j).arg(wide(r, j), 0, 'g', 17).arg(expected(r, j), 0, 'g', 17)));
        QVERIFY((wide.rightCols(3).array() == -7.0).all());
        // And it is the product (a check on the reference itself).
        const RowMatrixXd product = c0 + a * b.cast<double>();
        QVERIFY((wide.leftCols(cols) - product).cwiseAbs().maxCoeff() < 1e-9 * (1.0 + product.cwiseAbs().maxCoeff()));
    }

    // A tune's row gives the same bits alone as in any position of a batch.
    void aRowDoesNotDependOnItsBatch()
    {
        std::mt19937 rng(3);
        const int rows = 17, depth = 700, cols = 45;
        const RowMatrixXd a = randomRows(rows, depth, rng);
        const PackedMatrix packed(Eigen::MatrixXf(randomRows(depth, cols, rng).cast<float>()));
        RowMatrixXd all = RowMatrixXd::Zero(rows, cols);
        GemmScratch scratch;
        gemmPacked({{a.data(), depth, depth}}, rows, packed, all.data(), cols, scratch);
        for (int r = 0; r < rows; ++r) {
            RowMatrixXd alone = RowMatrixXd::Zero(1, cols);
            gemmPacked({{a.row(r).data(), depth, depth}}, 1, packed, alone.data(), cols, scratch);
            QVERIFY2(alone.row(0) == all.row(r), qPrintable(QStringLiteral("row %1").arg(r)));
        }
    }

    void mismatchedDepthIsRefused()
    {
        const PackedMatrix packed(Eigen::MatrixXf::Ones(4, 8));
        RowMatrixXd a = RowMatrixXd::Ones(2, 5), c = RowMatrixXd::Zero(2, 8);
        GemmScratch scratch;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 gemmPacked({{a.data(), 5, 5}}, 2, packed, c.data(), 8, scratch));
    }
};

QTEST_GUILESS_MAIN(TestPackedGemm)
#include "test_packed_gemm.moc"

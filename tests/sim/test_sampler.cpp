// The sampler must be numpy's RandomState bit for bit; the expected values below were printed by
// numpy 1.24 (Debian 12) and are hard-coded so this test needs no Python.
#include "core/sim/Sampler.h"

#include <QtTest>

using folkrnn::Sampler;

class TestSampler : public QObject {
    Q_OBJECT
private slots:
    void randomSampleMatchesNumpy_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<QList<double>>("expected");
        QTest::newRow("42") << 42u << QList<double>{0.3745401188473625, 0.9507143064099162, 0.7319939418114051};
        QTest::newRow("0") << 0u << QList<double>{0.5488135039273248, 0.7151893663724195};
        QTest::newRow("2^32-1") << 4294967295u << QList<double>{0.0976320289940138, 0.9123828453026218};
    }
    void randomSampleMatchesNumpy()
    {
        QFETCH(quint32, seed);
        QFETCH(QList<double>, expected);
        Sampler s(seed);
        for (double e : expected)
            QCOMPARE(s.randomSample(), e); // exact, not fuzzy
    }

    void choiceMatchesNumpy_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<QList<double>>("p");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("seed 7") << 7u << QList<double>{0.1, 0.2, 0.3, 0.4}
                                << QList<int>{0, 3, 2, 3, 3, 2, 2, 0, 1, 2, 3, 3, 2, 0, 1, 3, 1, 2, 3, 0};
        // A zero-probability entry is never chosen: right-bisection skips the flat part of the cdf.
        QTest::newRow("zero entry") << 123u << QList<double>{0.5, 0.0, 0.25, 0.25}
                                    << QList<int>{2, 0, 0, 2, 2, 0, 3, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 2, 2};
    }
    void choiceMatchesNumpy()
    {
        QFETCH(quint32, seed);
        QFETCH(QList<double>, p);
        QFETCH(QList<int>, expected);
        Eigen::VectorXd pv(p.size());
        for (int k = 0; k < p.size(); ++k)
            pv[k] = p[k];
        Sampler s(seed);
        for (int e : expected)
            QCOMPARE(s.choice(pv), e);
        QCOMPARE(s.draws(), quint64(2 * expected.size()));
    }

    void rewindRestoresTheStream()
    {
        Sampler a(99);
        for (int k = 0; k < 10; ++k)
            a.randomSample();
        const double next = a.randomSample();
        a.rewindTo(4);
        for (int k = 2; k < 10; ++k)
            a.randomSample();
        QCOMPARE(a.randomSample(), next);
        a.rewindTo(30); // forward too
        Sampler b(99);
        for (int k = 0; k < 15; ++k)
            b.randomSample();
        QCOMPARE(a.randomSample(), b.randomSample());
    }
};

QTEST_APPLESS_MAIN(TestSampler)
#include "test_sampler.moc"

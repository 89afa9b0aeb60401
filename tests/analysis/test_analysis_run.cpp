// The run analyses of part 5 of the posts (sorted activations, sparsity, maximum magnitude, unit
// spectra, the period query, unit-versus-token association) against tests/reference/
// numpy_analyses.py on the same recorded runs: one sampled, one teacher-forced over the tune of
// part 5, both written by `folkrnn-cli trace` and read back with readTraceFile.
#include "AnalysisFixtures.h"
#include "common/TestSupport.h"
#include "core/analysis/MaxMagnitude.h"
#include "core/analysis/PeriodQuery.h"
#include "core/analysis/SortedActivations.h"
#include "core/analysis/TokenAssociation.h"
#include "core/analysis/TraceFile.h"
#include "core/analysis/UnitSpectrum.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

using namespace folkrnn;
using namespace folkrnn::analysis;
using folkrnn::test::maxAbsDiff;
using folkrnn::test::refArray;
using folkrnn::test::refInts;

namespace {

// Part 5's transcription (a C-major 4/4 reel), as folk-rnn tokens.
const char *kTune = "M:4/4 K:Cmaj\n"
                    "B, | G, C C 2 G, C E C | G, C E G F D B, D | G, C C 2 G, C E G | F E D E C E A, B, |\n"
                    "G, C C 2 G, C E C | G, C E F G 3 A | B c d B c B G F | D E F D C 3 :|\n"
                    "|: D | E C C 2 D B, G, A, | B, C D E F 2 D F | E C C 2 D E F D | G ^F G A B 2 A B |\n"
                    "G c c B c 2 B c | d e d c B d c B | G E F D G F D F | E C B, D C 3 :|\n";

struct Fixture {
    QString trace, ref;
    SpectrumSettings spectrum;
    Trace loaded;
};

std::string at(int layer, Signal s, const char *name)
{
    return "/layer" + std::to_string(layer + 1) + "/" + signalName(s) + "/" + name;
}

} // namespace

class TestAnalysisRun : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::map<QString, Fixture> fixtures;

    void addRows()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("sampled, N=64 (run longer: next power of two)") << "sampled";
        QTest::newRow("teacher-forced tune, N=512, mean removed") << "forced";
    }
    Fixture &fixture()
    {
        QFETCH(QString, fixture);
        return fixtures.at(fixture);
    }

private slots:
    void initTestCase()
    {
        if (!test::pythonHasModules({"numpy", "h5py"}))
            QSKIP("Debian's python3-numpy and python3-h5py are needed for the reference");
        QVERIFY(dir.isValid());
        const QString model = dir.filePath("m.h5");
        QString err = test::makeRandomModel(model, 2, 40, 11);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString tune = dir.filePath("tune.txt");
        QFile f(tune);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kTune);
        f.close();

        struct Spec {
            QString name;
            QStringList traceArgs;
            int fft;
            bool removeMean;
        };
        const Spec specs[] = {
            {"sampled", {"--seed", "5", "--max-length", "300"}, 64, false},
            {"forced", {"--tune", tune}, 512, true},
        };
        for (const Spec &s : specs) {
            Fixture fx;
            fx.trace = dir.filePath(s.name + ".h5");
            fx.ref = dir.filePath(s.name + "-ref.h5");
            fx.spectrum.fftLength = s.fft;
            fx.spectrum.removeMean = s.removeMean;
            err = test::runCli(QStringList{"trace", "--model", model, "--fft-length", QString::number(s.fft), "--out",
                                           fx.trace} + s.traceArgs);
            QVERIFY2(err.isEmpty(), qPrintable(err));
            QStringList args{"run", "--trace", fx.trace, "--out", fx.ref, "--fft-length", QString::number(s.fft)};
            if (s.removeMean)
                args << "--remove-mean";
            err = test::runNumpyAnalyses(args);
            QVERIFY2(err.isEmpty(), qPrintable(err));
            fx.loaded = readTraceFile(fx.trace.toStdString());
            QVERIFY(fx.loaded.run.hasSignals());
            QCOMPARE(fx.loaded.run.numLayers(), 2);
            fixtures[s.name] = std::move(fx);
        }
        QVERIFY(fixtures.at("sampled").loaded.run.steps() > 64);
    }

    void sortedAndSparsity_data() { addRows(); }
    void sortedAndSparsity()
    {
        const Fixture &fx = fixture();
        const Run &run = fx.loaded.run;
        for (int l = 0; l < run.numLayers(); ++l)
            for (Signal s : {Signal::H, Signal::C}) {
                const auto x = run.signalMatrix(l, s);
                const RowMatrixXd sorted = sortedActivations(x).cast<double>();
                QCOMPARE(maxAbsDiff(sorted, refArray(fx.ref, at(l, s, "sorted"))), 0.0);
                const Sparsity sp = sparsity(x);
                QVERIFY(maxAbsDiff(sp.smallFraction, refArray(fx.ref, at(l, s, "small_fraction"))) < 1e-12);
                QVERIFY(maxAbsDiff(sp.largeFraction, refArray(fx.ref, at(l, s, "large_fraction"))) < 1e-12);
                const RowMatrixXd overall = refArray(fx.ref, at(l, s, "overall"));
                QVERIFY(std::abs(sp.overallSmall - overall(0, 0)) < 1e-12);
                QVERIFY(std::abs(sp.overallLarge - overall(1, 0)) < 1e-12);
                QVERIFY(std::abs(sp.meanLargeCount - overall(2, 0)) < 1e-9);
            }
    }

    void maxMagnitude_data() { addRows(); }
    void maxMagnitude()
    {
        const Fixture &fx = fixture();
        const Run &run = fx.loaded.run;
        for (int l = 0; l < run.numLayers(); ++l)
            for (Signal s : {Signal::H, Signal::C}) {
                const MaxMagnitude m = sortedMaxMagnitude(run.signalMatrix(l, s));
                QCOMPARE(maxAbsDiff(m.perUnit.cast<double>(), refArray(fx.ref, at(l, s, "max_magnitude"))), 0.0);
                QCOMPARE(m.order, refInts(fx.ref, at(l, s, "max_order")));
                // The off/saturating queries split the sorted order at the threshold.
                const float mid = m.perUnit[m.order[m.order.size() / 2]];
                const auto low = unitsAtMost(m, mid), high = unitsAtLeast(m, mid);
                QCOMPARE(low.size() + high.size(), m.order.size() + 1);
                QCOMPARE(low.back(), high.front());
            }
    }

    void spectra_data() { addRows(); }
    void spectra()
    {
        const Fixture &fx = fixture();
        const Run &run = fx.loaded.run;
        for (int l = 0; l < run.numLayers(); ++l)
            for (Signal s : {Signal::H, Signal::C}) {
                const UnitSpectra sp = unitSpectra(run.signalMatrix(l, s), fx.spectrum);
                const std::string group = "/layer" + std::to_string(l + 1) + "/" + signalName(s);
                QCOMPARE(sp.fftLength, int(test::refIntAttribute(fx.ref, group, "fft_length")));
                const RowMatrixXd ref = refArray(fx.ref, at(l, s, "spectrum_db"));
                QCOMPARE(ref.rows(), Eigen::Index(run.hiddenSize()));
                QCOMPARE(ref.cols(), Eigen::Index(sp.fftLength / 2 + 1));
                // dB to float precision wherever the component is not vanishingly small.
                double worst = 0;
                for (Eigen::Index u = 0; u < ref.rows(); ++u)
                    for (Eigen::Index k = 0; k < ref.cols(); ++k) {
                        if (ref(u, k) < -100.0)
                            continue;
                        worst = std::max(worst, std::abs(double(sp.db(u, k)) - ref(u, k)));
                        if (std::abs(ref(u, k) - sp.floorDb) > 1e-3)
                            QCOMPARE(sp.hidden(int(u), int(k)), !(ref(u, k) >= sp.floorDb));
                    }
                QVERIFY2(worst < 1e-3, qPrintable(QString("largest dB difference %1").arg(worst)));
                // The strongest period: the bin chosen is (one of) numpy's strongest, DC excluded.
                const RowMatrixXd period = refArray(fx.ref, at(l, s, "strongest_period"));
                for (Eigen::Index u = 0; u < ref.rows(); ++u) {
                    const int k = int(std::lround(sp.fftLength / double(sp.strongestPeriod[u])));
                    const double best = ref.row(u).tail(ref.cols() - 1).maxCoeff();
                    QVERIFY2(ref(u, k) >= best - 1e-6, qPrintable(QString("unit %1: bin %2 (%3 dB), numpy's best %4 dB, period %5")
                                                                      .arg(u).arg(k).arg(ref(u, k)).arg(best).arg(period(u, 0))));
                }
            }
    }

    void periodQuery_data() { addRows(); }
    void periodQuery()
    {
        const Fixture &fx = fixture();
        const Run &run = fx.loaded.run;
        for (int l = 0; l < run.numLayers(); ++l)
            for (Signal s : {Signal::H, Signal::C}) {
                const UnitSpectra sp = unitSpectra(run.signalMatrix(l, s), fx.spectrum);
                const std::vector<int> bins = binsForPeriod(sp, 9.0, 0.5);
                QCOMPARE(bins, refInts(fx.ref, at(l, s, "period_bins")));
                const std::vector<PeriodMatch> got = findUnitsByPeriod(sp, 9.0, 0.5);
                const std::vector<int> units = refInts(fx.ref, at(l, s, "period_units"));
                const RowMatrixXd peak = refArray(fx.ref, at(l, s, "period_peak_db"));
                const RowMatrixXd per = refArray(fx.ref, at(l, s, "period_period"));
                // Units whose band peak sits within 1e-3 dB of the floor may fall either side of it.
                std::vector<int> want;
                for (std::size_t i = 0; i < units.size(); ++i)
                    if (peak(Eigen::Index(i), 0) - sp.floorDb > 1e-3)
                        want.push_back(units[i]);
                std::vector<int> have;
                for (const PeriodMatch &m : got) {
                    const auto it = std::find(units.begin(), units.end(), m.unit);
                    if (it == units.end()) {
                        QVERIFY(std::abs(m.peakDb - sp.floorDb) < 1e-3);
                        continue;
                    }
                    const auto i = Eigen::Index(it - units.begin());
                    QVERIFY(std::abs(m.peakDb - peak(i, 0)) < 1e-3);
                    QCOMPARE(m.period, per(i, 0));
                    if (peak(i, 0) - sp.floorDb > 1e-3)
                        have.push_back(m.unit);
                }
                QCOMPARE(have, want);
            }
        // A tolerance of 0 still asks the nearest bin; bad arguments are refused.
        const UnitSpectra sp = unitSpectra(run.signalMatrix(0, Signal::H), fx.spectrum);
        QCOMPARE(binsForPeriod(sp, 9.0, 0.0), std::vector<int>{int(std::lround(sp.fftLength / 9.0))});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, binsForPeriod(sp, 0.0, 1.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, binsForPeriod(sp, 9.0, -1.0));
    }

    void tokenAssociation_data() { addRows(); }
    void tokenAssociation()
    {
        const Fixture &fx = fixture();
        const Run &run = fx.loaded.run;
        for (int l = 0; l < run.numLayers(); ++l)
            for (Signal s : {Signal::H, Signal::C}) {
                for (int lag : {0, 1}) {
                    const TokenAssociation a =
                        analysis::tokenAssociation(run.signalMatrix(l, s), run.tokens(), run.vocabSize(), lag);
                    const std::string suffix = "_lag" + std::to_string(lag);
                    QVERIFY(maxAbsDiff(a.mean, refArray(fx.ref, at(l, s, ("assoc_mean" + suffix).c_str()))) < 1e-9);
                    QCOMPARE(a.count, refInts(fx.ref, at(l, s, ("assoc_count" + suffix).c_str())));
                    QVERIFY(maxAbsDiff(a.unitMean, refArray(fx.ref, at(l, s, "unit_mean"))) < 1e-9);
                }
                const std::string bars = at(l, s, "bar_units");
                if (!test::refExists(fx.ref, bars))
                    continue;
                const TokenAssociation a = analysis::tokenAssociation(run.signalMatrix(l, s), run.tokens(), run.vocabSize());
                const int bar = int(std::find(run.vocabulary().begin(), run.vocabulary().end(), "|") -
                                    run.vocabulary().begin());
                const std::vector<TokenUnitScore> ranked = unitsBeforeToken(a, bar);
                const std::vector<int> order = refInts(fx.ref, bars);
                const RowMatrixXd contrast = refArray(fx.ref, at(l, s, "bar_contrast"));
                QCOMPARE(ranked.size(), order.size());
                for (std::size_t i = 0; i < ranked.size(); ++i) {
                    QCOMPARE(ranked[i].unit, order[i]);
                    QVERIFY(std::abs(ranked[i].contrast - contrast(order[i], 0)) < 1e-9);
                }
            }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 analysis::tokenAssociation(run.signalMatrix(0, Signal::H), run.tokens(), 1));
    }

    void specialCases()
    {
        // A unit that is zero at every step has no spectrum (NaN) and no period; removing the mean
        // of a constant unit leaves it zero as well.
        RowMatrixXf x = RowMatrixXf::Zero(20, 3);
        x.col(1).setConstant(0.5f);
        for (int t = 0; t < 20; ++t)
            x(t, 2) = float(std::cos(M_PI * t / 2.0)); // period 4
        SpectrumSettings settings;
        settings.fftLength = 32;
        const UnitSpectra sp = unitSpectra(x, settings);
        QVERIFY(std::isnan(sp.db(0, 0)) && std::isnan(sp.strongestPeriod[0]));
        QCOMPARE(sp.db(1, 0), 0.0f);           // a constant: all its energy at DC
        QVERIFY(sp.hidden(0, 3) && !sp.hidden(1, 0));
        QCOMPARE(sp.strongestPeriod[2], 4.0f); // bin 8 of 32
        settings.removeMean = true;
        const UnitSpectra centred = unitSpectra(x, settings);
        QVERIFY(std::isnan(centred.db(1, 5)));
        QCOMPARE(effectiveFftLength(600, 512), 1024);
        QCOMPARE(effectiveFftLength(500, 512), 512);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, effectiveFftLength(10, 1));
        // Sparsity and maximum magnitude of an empty run.
        const RowMatrixXf empty(0, 4);
        QCOMPARE(sparsity(empty).overallSmall, 0.0);
        QCOMPARE(sortedMaxMagnitude(empty).perUnit, Eigen::VectorXf::Zero(4).eval());
    }
};

QTEST_GUILESS_MAIN(TestAnalysisRun)
#include "test_analysis_run.moc"

// `folkrnn-cli trace` and core/analysis/TraceFile: every dataset TRACE-FORMAT.md documents, the run
// read back equal to the one the generator records, the stored analyses equal to the analyses
// (and the spectra to numpy's), teacher forcing from a token corpus file, and every bad input
// answered with one stderr line and exit status 2.
#include "AnalysisFixtures.h"
#include "common/TestSupport.h"
#include "core/analysis/Gramian.h"
#include "core/analysis/SoftmaxSvd.h"
#include "core/analysis/TraceFile.h"
#include "core/analysis/UnitSpectrum.h"
#include "core/model/ModelFile.h"
#include "core/model/TokenText.h"
#include "core/sim/Generator.h"
#include "core/util/Error.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;
using namespace folkrnn::analysis;
using folkrnn::test::maxAbsDiff;
using folkrnn::test::refArray;
using folkrnn::test::refInts;

class TestAnalysisTrace : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString modelPath;
    std::shared_ptr<const Model> model;

    test::ProcessResult cli(const QStringList &args) { return test::runProcess(test::binary("folkrnn-cli"), args, 300000); }

    void expectUsageError(const QStringList &args, const char *mentions)
    {
        const auto r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.crashed);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(mentions), r.err.constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        modelPath = dir.filePath("m.h5");
        if (!test::pythonHasModules({"numpy", "h5py"}))
            QSKIP("Debian's python3-numpy and python3-h5py are needed for the random model and reference");
        const QString err = test::makeRandomModel(modelPath, 3, 32, 4);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        model = std::make_shared<const Model>(loadModelHdf5(modelPath.toStdString()));
    }

    void sampledTraceRoundTrip()
    {
        const QString out = dir.filePath("run.h5");
        const auto r = cli({"trace", "--model", modelPath, "--seed", "9", "--temperature", "0.8", "--prime", "M:4/4 K:Cmaj",
                            "--max-length", "200", "--out", out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("steps"));
        // No temporary file is left beside the output.
        QCOMPARE(QDir(dir.path()).entryList(QStringList{"*.tmp*"}, QDir::Files | QDir::Hidden).size(), 0);

        GenerationSettings settings;
        settings.seed = 9;
        settings.temperature = 0.8;
        settings.maxLength = 200;
        settings.prime = encodeTokens(model->vocabulary, "M:4/4 K:Cmaj", "prime");
        Generator gen(model, settings);
        gen.runToEnd();
        const Run &want = gen.run();

        const Trace trace = readTraceFile(out.toStdString());
        const Run &got = trace.run;
        QCOMPARE(trace.info.mode, std::string("sampled"));
        QCOMPARE(trace.info.seed, 9u);
        QCOMPARE(trace.info.temperature, 0.8);
        QCOMPARE(trace.info.prime, settings.prime);
        QCOMPARE(got.steps(), want.steps());
        QCOMPARE(got.tokens(), want.tokens());
        QCOMPARE(got.inputs(), want.inputs());
        QCOMPARE(got.numLayers(), 3);
        QCOMPARE(got.hiddenSize(), 32);
        QCOMPARE(got.vocabulary(), model->vocabulary);
        for (int t = 0; t < got.steps(); ++t)
            QCOMPARE(got.forced(t), want.forced(t));
        QCOMPARE(maxAbsDiff(got.logProbMatrix(), want.logProbMatrix()), 0.0);
        QCOMPARE(maxAbsDiff(got.logitMatrix(), want.logitMatrix()), 0.0);
        for (int l = 0; l < 3; ++l)
            for (Signal s : kSignals)
                QCOMPARE(maxAbsDiff(got.signalMatrix(l, s).cast<double>(), want.signalMatrix(l, s).cast<double>()), 0.0);

        // The documented datasets, with their shapes.
        const Eigen::Index T = got.steps(), V = model->vocabSize(), H = 32;
        const std::vector<int> tokens = refInts(out, "/tokens");
        QCOMPARE(tokens, want.tokens());
        QCOMPARE(refArray(out, "/logprob").rows(), T);
        QCOMPARE(refArray(out, "/logprob").cols(), V);
        for (int j = 1; j <= 3; ++j)
            for (const char *s : {"h", "c", "i", "f", "o", "g"}) {
                const RowMatrixXd a = refArray(out, "/layer" + std::to_string(j) + "/" + s);
                QCOMPARE(a.rows(), T);
                QCOMPARE(a.cols(), H);
            }

        // The stored analyses equal the analyses of the run and the model.
        QCOMPARE(test::refIntAttribute(out, "/spectra", "fft_length"), 512LL);
        for (int j = 1; j <= 3; ++j) {
            const UnitSpectra sp = unitSpectra(want.signalMatrix(j - 1, Signal::H));
            QCOMPARE(maxAbsDiff(sp.db.cast<double>(), refArray(out, "/spectra/layer" + std::to_string(j))), 0.0);
            QCOMPARE(maxAbsDiff(sp.strongestPeriod.cast<double>(),
                                refArray(out, "/spectra/strongest_period/layer" + std::to_string(j))), 0.0);
        }
        const RowMatrixXd gram = normalisedGramian(model->denseW);
        QVERIFY(maxAbsDiff(gram, refArray(out, "/weights/gramian_softmax")) < 1e-6);
        const SoftmaxSvd svd = softmaxSvd(model->denseW);
        QCOMPARE(maxAbsDiff(svd.singularValues, refArray(out, "/weights/svd_softmax")), 0.0);

        // ... and the stored spectra equal numpy's DFT of the stored h.
        const QString ref = dir.filePath("run-ref.h5");
        const QString err = test::runNumpyAnalyses({"run", "--trace", out, "--out", ref, "--signals", "h"});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        for (int j = 1; j <= 3; ++j) {
            const RowMatrixXd mine = refArray(out, "/spectra/layer" + std::to_string(j));
            const RowMatrixXd theirs = refArray(ref, "/layer" + std::to_string(j) + "/h/spectrum_db");
            double worst = 0;
            for (Eigen::Index u = 0; u < mine.rows(); ++u)
                for (Eigen::Index k = 0; k < mine.cols(); ++k)
                    if (theirs(u, k) > -100.0)
                        worst = std::max(worst, std::abs(mine(u, k) - theirs(u, k)));
            QVERIFY2(worst < 1e-3, qPrintable(QString("largest dB difference %1").arg(worst)));
        }
    }

    void teacherForcedFromCorpus()
    {
        const QString tunePath = dir.filePath("tunes.txt");
        QFile f(tunePath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("M:4/4\nK:Cmaj\n|: C D E F | G A B c :|\n\nM:6/8\nK:Cdor\n|: G A B c 2 d | e > d c (3 B A G :|\n");
        f.close();
        const QString out = dir.filePath("forced.h5");
        const auto r = cli({"trace", "--model", modelPath, "--tune", tunePath, "--tune-number", "2", "--out", out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const Trace trace = readTraceFile(out.toStdString());
        QCOMPARE(trace.info.mode, std::string("teacher-forced"));
        std::vector<int> want =
            encodeTokens(model->vocabulary, "M:6/8 K:Cdor |: G A B c 2 d | e > d c (3 B A G :| </s>", "tune");
        QCOMPARE(trace.run.tokens(), want);
        for (int t = 0; t < trace.run.steps(); ++t)
            QVERIFY(trace.run.forced(t));
        QCOMPARE(trace.run.input(0), model->startToken());

        expectUsageError({"trace", "--model", modelPath, "--tune", tunePath, "--tune-number", "3", "--out", out},
                         "--tune-number 3");
        QFile bad(dir.filePath("bad.txt"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("M:4/4 K:Cmaj C D E nonsense\n");
        bad.close();
        expectUsageError({"trace", "--model", modelPath, "--tune", bad.fileName(), "--out", out}, "nonsense");
    }

    void badInput()
    {
        const QString out = dir.filePath("never.h5");
        expectUsageError({"trace", "--model", modelPath}, "--out");
        expectUsageError({"trace", "--model", modelPath, "--prime", "M:4/4", "--tune", "x.txt", "--out", out}, "--tune");
        expectUsageError({"trace", "--model", modelPath, "--tune", dir.filePath("missing.txt"), "--out", out}, "missing.txt");
        expectUsageError({"trace", "--model", modelPath, "--fft-length", "1", "--out", out}, "--fft-length");
        expectUsageError({"trace", "--model", modelPath, "--floor-db", "3", "--out", out}, "--floor-db");
        expectUsageError({"trace", "--model", modelPath, "--temperature", "0", "--out", out}, "--temperature");
        expectUsageError({"trace", "--model", modelPath, "--out", dir.path()}, "directory");
        expectUsageError({"trace", "--model", modelPath, "--out", dir.filePath("no/such/dir/run.h5")}, "run.h5");
        QVERIFY(!QFile::exists(out));
    }

    void readerRefusesOtherFiles()
    {
        QVERIFY_THROWS_EXCEPTION(InputError, readTraceFile(dir.filePath("missing.h5").toStdString()));
        QVERIFY_THROWS_EXCEPTION(InputError, readTraceFile(modelPath.toStdString())); // a model, not a trace
        QFile junk(dir.filePath("junk.h5"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not hdf5 at all");
        junk.close();
        QVERIFY_THROWS_EXCEPTION(InputError, readTraceFile(junk.fileName().toStdString()));
    }

    void writerWithoutSignals()
    {
        // A run recorded without signals still writes tokens and log-probabilities, and reads back.
        GenerationSettings settings;
        settings.maxLength = 20;
        Generator gen(model, settings, /*recordSignals=*/false);
        gen.runToEnd();
        const std::string path = dir.filePath("nosignals.h5").toStdString();
        writeTraceFile(path, gen.run(), *model, {});
        const Trace t = readTraceFile(path);
        QVERIFY(!t.run.hasSignals());
        QCOMPARE(t.run.tokens(), gen.run().tokens());
    }
};

QTEST_GUILESS_MAIN(TestAnalysisTrace)
#include "test_analysis_trace.moc"

// One LSTM step against the independent numpy implementation (tests/reference/numpy_sampler.py):
// every layer's h, c, i, f, o, g and the log-probabilities, teacher-forced over a short tune.
#include "common/TestSupport.h"
#include "core/model/ModelFile.h"
#include "core/model/TokenText.h"
#include "core/sim/Simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;

class TestStep : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!test::pythonHasModules({"numpy", "h5py"}))
            QSKIP("Debian's python3-numpy and python3-h5py are needed for the reference");
    }
    void matchesNumpy_data()
    {
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("hidden");
        QTest::addColumn<int>("embedding");
        QTest::newRow("one-hot 2x16") << 2 << 16 << 0;
        QTest::newRow("one-hot 3x64 float64 file") << 3 << 64 << 0;
        QTest::newRow("embedding 2x24") << 2 << 24 << 10;
    }
    void matchesNumpy()
    {
        QFETCH(int, layers);
        QFETCH(int, hidden);
        QFETCH(int, embedding);
        QTemporaryDir dir;
        const QString path = dir.filePath("m.h5");
        QStringList args{path, "--layers", QString::number(layers), "--hidden", QString::number(hidden), "--seed", "5"};
        if (embedding)
            args << "--embedding" << QString::number(embedding);
        if (hidden == 64)
            args << "--dtype" << "f8";
        auto made = test::runPython("make_random_model.py", args);
        QVERIFY2(made.exitCode == 0, made.err.constData());

        const QString tune = "M:6/8 K:Cdor |: G A B c 2 d | e > d c (3 B A G :| </s>";
        auto ref = test::runPython("numpy_sampler.py", {"--model", path, "--trace", tune});
        QVERIFY2(ref.exitCode == 0, ref.err.constData());
        const QJsonArray steps = QJsonDocument::fromJson(ref.out).array();

        auto model = std::make_shared<const Model>(loadModelHdf5(path.toStdString()));
        const std::vector<int> ids = encodeTokens(model->vocabulary, tune.toStdString(), "tune");
        Simulator sim(model);
        for (int id : ids)
            sim.step(id, nullptr);
        const Run &run = sim.run();
        QCOMPARE(run.steps(), int(steps.size()));
        QCOMPARE(run.input(0), model->startToken());
        const char *names[] = {"h", "c", "i", "f", "o", "g"};
        double worst = 0;
        for (int t = 0; t < run.steps(); ++t) {
            const QJsonObject st = steps[t].toObject();
            const QJsonArray lay = st["layers"].toArray();
            for (int l = 0; l < layers; ++l) {
                for (Signal s : kSignals) {
                    const QJsonArray v = lay[l].toObject()[names[int(s)]].toArray();
                    const auto got = run.signal(t, l, s);
                    for (int k = 0; k < hidden; ++k)
                        worst = std::max(worst, std::abs(double(got[k]) - v[k].toDouble()));
                }
            }
            const QJsonArray lp = st["logp"].toArray();
            for (int k = 0; k < model->vocabSize(); ++k)
                QVERIFY(std::abs(run.logProbs(t)[k] - lp[k].toDouble()) < 1e-9);
            const QJsonArray lg = st["logits"].toArray();
            for (int k = 0; k < model->vocabSize(); ++k)
                QVERIFY(std::abs(run.logits(t)[k] - lg[k].toDouble()) < 1e-9);
        }
        // The trace is stored as float32: agreement to float precision.
        QVERIFY2(worst < 2e-6, qPrintable(QString("largest difference %1").arg(worst)));
    }
};

QTEST_GUILESS_MAIN(TestStep)
#include "test_step.moc"

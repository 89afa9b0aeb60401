// A tiny run of the bundled model's training script (resources/models/train_folkrnn.py) with
// Debian's python3-torch: the loss decreases, the written file loads in core, and the exported
// weights compute in our simulator what the trained PyTorch network computes.
#include "common/TestSupport.h"
#include "core/model/OpenModel.h"
#include "core/model/TokenText.h"
#include "core/sim/Simulator.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;

class TestTrainingSmoke : public QObject {
    Q_OBJECT
private slots:
    void smokeRun()
    {
        if (!test::pythonHasModules({"torch", "numpy", "h5py"}))
            QSKIP("python3-torch, python3-numpy and python3-h5py are needed to run the training script");
        QTemporaryDir dir;
        const QString out = dir.filePath("smoke.h5");
        const QString check = dir.filePath("check.json");
        const QString script = QDir(test::testsDir()).filePath("../resources/models/train_folkrnn.py");
        const QString corpus = test::sharedDir() + "/data/folk-rnn-samples/config5-wrepeats-samples.txt";
        auto r = test::runProcess(test::python(), {script, "train", corpus, "--out", out, "--epochs", "4", "--hidden",
                                                   "24", "--layers", "2", "--batch", "8", "--limit-tunes", "40",
                                                   "--cpu", "--lr", "0.01", "--check-out", check});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        QList<double> train;
        const QRegularExpression re("epoch \\d+: train ([0-9.]+) valid");
        for (auto it = re.globalMatch(QString::fromUtf8(r.err)); it.hasNext();)
            train << it.next().captured(1).toDouble();
        QCOMPARE(train.size(), 4);
        QVERIFY2(train.last() < train.first(), qPrintable(QString("loss %1 -> %2").arg(train.first()).arg(train.last())));

        auto model = std::make_shared<const Model>(openModel(out.toStdString()));
        QCOMPARE(model->numLayers(), 2);
        QCOMPARE(model->hiddenSize(), 24);
        QVERIFY(model->layers[0].h0.isZero()); // Lasagne's default zero initial state

        QFile f(check);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject ref = QJsonDocument::fromJson(f.readAll()).object();
        QStringList toks;
        for (const auto &v : ref["tokens"].toArray())
            toks << v.toString();
        const auto ids = encodeTokens(model->vocabulary, toks.join(' ').toStdString(), "tune");
        Simulator sim(model, false);
        for (int id : ids)
            sim.step(id, nullptr);
        const QJsonArray logp = ref["logp"].toArray();
        QCOMPARE(sim.run().steps(), int(logp.size()));
        double worst = 0;
        for (int t = 0; t < sim.run().steps(); ++t)
            for (int k = 0; k < model->vocabSize(); ++k)
                worst = std::max(worst, std::abs(sim.run().logProbs(t)[k] - logp[t].toArray()[k].toDouble()));
        QVERIFY2(worst < 1e-3, qPrintable(QString("largest log-probability difference %1").arg(worst)));
    }
};

QTEST_GUILESS_MAIN(TestTrainingSmoke)
#include "test_training_smoke.moc"

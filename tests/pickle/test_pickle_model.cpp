// folk-rnn pickles to Model: every array equal to numpy's bit for bit for the committed fixtures
// (Python 2 cPickle style, Python 3 protocols 2, 4, 5) and for the variants the fixture script
// writes at test time (numpy 2 names, big-endian, Fortran order, float64, embeddings); provenance
// kept; and folk-rnn-shaped files with wrong dtypes, shapes or keys refused with a message naming it.
#include "PickleFixtures.h"
#include "common/TestSupport.h"
#include "core/model/OpenModel.h"
#include "core/pickle/FolkRnnPickle.h"
#include "core/util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;

namespace {

QString fixturesDir() { return test::testsDir() + QStringLiteral("/pickle/fixtures"); }

QString loadError(const QString &path)
{
    try {
        loadFolkRnnPickle(path.toStdString());
    } catch (const InputError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

// Loads every model listed in dir/fixtures.txt and checks arrays, vocabulary and provenance.
void checkFixtures(const QString &dir, int expectedCount)
{
    const auto fixtures = test::listFixtures(dir);
    QCOMPARE(int(fixtures.size()), expectedCount);
    for (const auto &[file, expected] : fixtures) {
        const QString path = dir + QLatin1Char('/') + file;
        Model m;
        try {
            m = openModel(path.toStdString()); // the front door dispatches .pkl to the pickle reader
        } catch (const InputError &e) {
            QFAIL(e.what());
        }
        const QString diff = test::compareParams(m, dir, expected);
        QVERIFY2(diff.isEmpty(), qPrintable(file + QStringLiteral(": ") + diff));

        const QJsonObject meta = test::expectedMeta(dir, expected);
        const QJsonArray vocab = meta[QStringLiteral("vocabulary")].toArray();
        QCOMPARE(m.vocabSize(), int(vocab.size()));
        for (int k = 0; k < m.vocabSize(); ++k)
            QCOMPARE(QString::fromStdString(m.vocabulary[std::size_t(k)]), vocab[k].toString());
        const Provenance &p = m.provenance;
        QCOMPARE(QString::fromStdString(p.configuration), meta[QStringLiteral("configuration")].toString());
        QCOMPARE(QString::fromStdString(p.experimentId), meta[QStringLiteral("experiment_id")].toString());
        QCOMPARE(p.epoch, meta[QStringLiteral("epoch_since_start")].toInteger());
        QCOMPARE(p.iterations, meta[QStringLiteral("iters_since_start")].toInteger());
        QCOMPARE(QString::fromStdString(p.source), path);
        QCOMPARE(QString::fromStdString(p.name), QFileInfo(file).completeBaseName());
        const QJsonArray lt = meta[QStringLiteral("losses_train")].toArray();
        const QJsonArray lv = meta[QStringLiteral("losses_eval_valid")].toArray();
        QCOMPARE(int(p.lossesTrain.size()), int(lt.size()));
        QCOMPARE(int(p.lossesValid.size()), int(lv.size()));
        for (int k = 0; k < lt.size(); ++k)
            QCOMPARE(p.lossesTrain[std::size_t(k)], lt[k].toDouble());
        for (int k = 0; k < lv.size(); ++k)
            QCOMPARE(p.lossesValid[std::size_t(k)], lv[k].toDouble());

        // One-hot models keep no embedding; the others keep theirs, square or not.
        QCOMPARE(m.embedding.has_value(), expected == QLatin1String("embedding") || expected == QLatin1String("square"));
        if (expected == QLatin1String("embedding"))
            QCOMPARE(m.inputSize(), 16);
    }
}

} // namespace

class TestPickleModel : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    bool havePython = false;

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        havePython = test::pythonHasModules({QStringLiteral("numpy")});
    }

    void committedFixturesMatchNumpyBitForBit() { checkFixtures(fixturesDir(), 4); }

    void committedFixturesHaveTheV2Structure()
    {
        const Model m = loadFolkRnnPickle((fixturesDir() + QStringLiteral("/folkrnn_py2_p2.pkl")).toStdString());
        QCOMPARE(m.vocabSize(), 137);
        QCOMPARE(m.numLayers(), 2);
        QCOMPARE(m.hiddenSize(), 32);
        QVERIFY(!m.embedding);
        QVERIFY(m.layers[0].h0.cwiseAbs().maxCoeff() > 0.0f); // stored, never assumed zero
        QVERIFY(m.layers[1].c0.cwiseAbs().maxCoeff() > 0.0f);
    }

    void generatedVariantsMatchNumpyBitForBit()
    {
        if (!havePython)
            QSKIP("Debian's python3-numpy is not installed: variant fixtures cannot be generated");
        const QString dir = tmp.filePath(QStringLiteral("variants"));
        const auto r = test::runPython(QStringLiteral("make_pickle_fixtures.py"), {dir, QStringLiteral("--variants")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        checkFixtures(dir, 18);
    }

    void brokenFilesAreRefusedNamingTheProblem()
    {
        if (!havePython)
            QSKIP("Debian's python3-numpy is not installed: broken fixtures cannot be generated");
        const QString dir = tmp.filePath(QStringLiteral("broken"));
        const auto r = test::runPython(QStringLiteral("make_pickle_fixtures.py"), {dir, QStringLiteral("--broken")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        int cases = 0;
        for (const QByteArray &line : test::readAll(dir + QStringLiteral("/broken_cases.txt")).split('\n')) {
            const int space = line.indexOf(' ');
            if (space < 0)
                continue;
            const QString file = QString::fromUtf8(line.left(space));
            const QString expect = QString::fromUtf8(line.mid(space + 1));
            const QString e = loadError(dir + QLatin1Char('/') + file);
            QVERIFY2(e.contains(expect) && !e.contains(QLatin1Char('\n')),
                     qPrintable(file + QStringLiteral(" should mention ") + expect + QStringLiteral(": ") + e));
            QVERIFY2(e.startsWith(dir + QLatin1Char('/') + file + QStringLiteral(": ")), qPrintable(e));
            ++cases;
        }
        QCOMPARE(cases, 15);
    }

    void fileProblems()
    {
        QVERIFY(loadError(tmp.filePath(QStringLiteral("absent.pkl"))).contains(QStringLiteral("cannot be opened")));
        QVERIFY(loadError(tmp.path()).contains(QStringLiteral("directory")));
        QFile empty(tmp.filePath(QStringLiteral("empty.pkl")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QVERIFY(loadError(empty.fileName()).contains(QStringLiteral("the file is empty")));
    }

    void pickleIsRecognisedByContentOrExtension()
    {
        const QString noExt = tmp.filePath(QStringLiteral("model_without_extension"));
        QVERIFY(QFile::copy(fixturesDir() + QStringLiteral("/folkrnn_py3_p4.pkl"), noExt));
        QVERIFY(looksLikePickle(noExt.toStdString()));
        QCOMPARE(openModel(noExt.toStdString()).numLayers(), 2);
        QVERIFY(looksLikePickle(tmp.filePath(QStringLiteral("not-there.PKL")).toStdString()));
        QVERIFY(!looksLikePickle(tmp.filePath(QStringLiteral("not-there.h5")).toStdString()));
        try {
            openModel(tmp.filePath(QStringLiteral("absent.pkl")).toStdString());
            QFAIL("no error");
        } catch (const InputError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("absent.pkl: cannot be opened")), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestPickleModel)
#include "test_pickle_model.moc"

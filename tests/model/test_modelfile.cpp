// The HDF5 model format: exact round trip, files written by h5py, and every kind of broken file
// refused with a message naming the file and the problem.
#include "common/RandomModel.h"
#include "common/TestSupport.h"
#include "core/model/ModelFile.h"
#include "core/model/OpenModel.h"
#include "core/util/Error.h"

#include <H5Cpp.h>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;

namespace {

bool sameModel(const Model &a, const Model &b)
{
    if (a.vocabulary != b.vocabulary || a.numLayers() != b.numLayers() || a.embedding.has_value() != b.embedding.has_value())
        return false;
    for (int l = 0; l < a.numLayers(); ++l)
        for (int g = 0; g < 4; ++g)
            if (a.layers[l].Wx[g] != b.layers[l].Wx[g] || a.layers[l].Wh[g] != b.layers[l].Wh[g] ||
                a.layers[l].b[g] != b.layers[l].b[g])
                return false;
    for (int l = 0; l < a.numLayers(); ++l)
        if (a.layers[l].h0 != b.layers[l].h0 || a.layers[l].c0 != b.layers[l].c0)
            return false;
    return a.denseW == b.denseW && a.denseB == b.denseB;
}

QString errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const InputError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestModelFile : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString good;

private slots:
    void initTestCase()
    {
        good = dir.filePath("good.h5");
        Model m = testsupport::randomModel(2, 8, 3);
        m.provenance.lossesTrain = {3.1, 2.0};
        m.provenance.lossesValid = {3.3, 2.4};
        m.provenance.epoch = 12;
        saveModelHdf5(m, good.toStdString());
    }

    void roundTripIsExact()
    {
        const Model m = testsupport::randomModel(3, 16, 1);
        const QString path = dir.filePath("rt.h5");
        saveModelHdf5(m, path.toStdString());
        const Model back = loadModelHdf5(path.toStdString());
        QVERIFY(sameModel(m, back));
        QCOMPARE(back.provenance.name, m.provenance.name);
        const Model g = loadModelHdf5(good.toStdString());
        QCOMPARE(g.provenance.epoch, 12LL);
        QCOMPARE(g.provenance.lossesValid, (std::vector<double>{3.3, 2.4}));
        QCOMPARE(g.parameterCount(), size_t((4 * (22 * 8 + 8 * 8 + 8) + 16) + (4 * (8 * 8 + 8 * 8 + 8) + 16) + 8 * 22 + 22));
    }

    void readsWhatH5pyWrites()
    {
        if (!test::pythonHasModules({"numpy", "h5py"}))
            QSKIP("Debian's python3-h5py is needed");
        const QString path = dir.filePath("py.h5");
        auto r = test::runPython("make_random_model.py", {path, "--layers", "2", "--hidden", "12", "--embedding", "5"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const Model m = openModel(path.toStdString());
        QCOMPARE(m.numLayers(), 2);
        QCOMPARE(m.hiddenSize(), 12);
        QCOMPARE(m.vocabSize(), 137);
        QCOMPARE(m.inputSize(), 5);
        QVERIFY(m.layers[0].h0.cwiseAbs().maxCoeff() > 0); // non-zero initial state kept
        auto probe = test::runProcess(test::python(),
                                      {"-c", "import h5py,sys; f=h5py.File(sys.argv[1]); print(repr(float(f['lstm/layer2/W_hf'][3,7])))", path});
        QCOMPARE(double(m.layers[1].wh(Gate::Forget)(3, 7)), probe.out.trimmed().toDouble());
    }

    void validationNamesTheProblem()
    {
        Model m = testsupport::randomModel(2, 8, 3);
        m.layers[1].Wh[2].resize(8, 7);
        QVERIFY(errorOf([&] { m.validate("x.h5"); }).contains("layer2/W_hc has shape [8,7], expected [8,8]"));
        m = testsupport::randomModel(2, 8, 3);
        m.denseB[3] = std::nanf("");
        QVERIFY(errorOf([&] { m.validate("x.h5"); }).contains("softmax/b contains NaN"));
        m = testsupport::randomModel(2, 8, 3);
        m.vocabulary[5] = m.vocabulary[4];
        QVERIFY(errorOf([&] { m.validate("x.h5"); }).contains("twice"));
        m = testsupport::randomModel(2, 8, 3);
        m.vocabulary[1] = "END";
        QVERIFY(errorOf([&] { m.validate("x.h5"); }).contains("</s>"));
    }

    void brokenFilesAreRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << "missing" << "no such file";
        QTest::newRow("directory") << "directory" << "directory";
        QTest::newRow("empty") << "empty" << "empty";
        QTest::newRow("text") << "text" << "not an HDF5 file";
        QTest::newRow("wrong shape") << "shape" << "layer1/W_xo";
        QTest::newRow("missing dataset") << "drop" << "softmax/b";
        QTest::newRow("nan") << "nan" << "NaN";
        QTest::newRow("format attribute") << "format" << "not a folk-rnn model";
        QTest::newRow("version") << "version" << "version 2";
        QTest::newRow("string instead of floats") << "strings" << "not a floating-point";
    }
    void brokenFilesAreRefused()
    {
        QFETCH(QString, damage);
        QFETCH(QString, expected);
        const QString path = dir.filePath("bad-" + damage + ".h5");
        QFile::remove(path);
        if (damage == "directory") {
            QDir(dir.path()).mkpath("bad-directory.h5");
        } else if (damage == "empty") {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        } else if (damage == "text") {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("this is not a model\n");
        } else if (damage != "missing") {
            QVERIFY(QFile::copy(good, path));
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
            H5::H5File f(path.toStdString(), H5F_ACC_RDWR);
            auto replace = [&](const std::string &name, const H5::DataType &type, std::vector<hsize_t> dims) {
                f.unlink(name);
                H5::DataSpace sp(int(dims.size()), dims.data());
                return f.createDataSet(name, type, sp);
            };
            if (damage == "shape") {
                std::vector<float> z(23 * 8, 0.f);
                replace("/lstm/layer1/W_xo", H5::PredType::IEEE_F32LE, {23, 8}).write(z.data(), H5::PredType::NATIVE_FLOAT);
            } else if (damage == "drop") {
                f.unlink("/softmax/b");
            } else if (damage == "nan") {
                std::vector<float> v(8, 0.f);
                v[2] = std::numeric_limits<float>::infinity();
                replace("/lstm/layer2/b_f", H5::PredType::IEEE_F32LE, {8}).write(v.data(), H5::PredType::NATIVE_FLOAT);
            } else if (damage == "format") {
                f.removeAttr("format");
                H5::StrType st(H5::PredType::C_S1, H5T_VARIABLE);
                f.createAttribute("format", st, H5::DataSpace(H5S_SCALAR)).write(st, std::string("something-else"));
            } else if (damage == "version") {
                f.removeAttr("format_version");
                long long v = 2;
                f.createAttribute("format_version", H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR))
                    .write(H5::PredType::NATIVE_LLONG, &v);
            } else if (damage == "strings") {
                f.unlink("/softmax/W");
                H5::StrType st(H5::PredType::C_S1, H5T_VARIABLE);
                hsize_t n = 1;
                const char *s[] = {"x"};
                f.createDataSet("/softmax/W", st, H5::DataSpace(1, &n)).write(s, st);
            }
            f.close();
        }
        const QString err = errorOf([&] { openModel(path.toStdString()); });
        QVERIFY2(err.contains(expected), qPrintable("got: " + err));
        QVERIFY2(err.contains("bad-" + damage), qPrintable("message does not name the file: " + err));
    }

    void truncatedFilesAreRefusedEverywhere()
    {
        QFile f(good);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        const QString path = dir.filePath("trunc.h5");
        int refused = 0;
        for (int cut = 1; cut < all.size(); cut += std::max<int>(1, all.size() / 97)) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(all.left(cut));
            out.close();
            if (!errorOf([&] { openModel(path.toStdString()); }).isEmpty())
                ++refused;
        }
        QCOMPARE(refused, int((all.size() - 2) / std::max<int>(1, all.size() / 97)) + 1);
    }

    void failedSaveKeepsThePreviousFile()
    {
        Model m = testsupport::randomModel(2, 8, 3);
        const QString path = dir.filePath("keep.h5");
        saveModelHdf5(m, path.toStdString());
        const QByteArray before = [&] { QFile f(path); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        m.denseW(0, 0) = std::nanf(""); // invalid: refused before anything is written
        QVERIFY(!errorOf([&] { saveModelHdf5(m, path.toStdString()); }).isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QCOMPARE(QDir(dir.path()).entryList({".keep.h5.tmp*"}, QDir::Hidden | QDir::Files).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "test_modelfile.moc"

// Resource limits: a model file that declares more weights than memory allows, or a setting that
// asks for a trace longer than kMaxSteps or larger than memory allows, is refused with a message
// before anything is allocated (never an out-of-memory kill). The budget is 3/4 of physical memory
// capped at 64 GiB; FOLKRNN_MEMORY_LIMIT_MB replaces it so that these tests do not depend on the
// machine.
#include "common/TestSupport.h"
#include "core/model/ModelFile.h"
#include "core/model/OpenModel.h"
#include "core/session/SessionFile.h"
#include "core/sim/Generator.h"
#include "core/util/Error.h"
#include "core/util/MemoryBudget.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;

namespace {

QString bundledModel() { return test::testsDir() + QStringLiteral("/../resources/models/folkrnn-nottingham.h5"); }

QString errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const InputError &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

struct LimitMb {
    explicit LimitMb(const char *mb) { qputenv("FOLKRNN_MEMORY_LIMIT_MB", mb); }
    ~LimitMb() { qunsetenv("FOLKRNN_MEMORY_LIMIT_MB"); }
};

} // namespace

class TestResourceLimits : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString huge_, large_;

    QString makeModel(const char *name, int layers, int hidden)
    {
        const QString out = dir_.filePath(QLatin1String(name));
        const auto r = test::runProcess(test::python(),
                                        {test::testsDir() + QStringLiteral("/reliability/make_huge_model.py"), out,
                                         QString::number(layers), QString::number(hidden)});
        if (r.exitCode != 0)
            qFatal("make_huge_model.py: %s", r.err.constData());
        return out;
    }

private slots:
    void initTestCase()
    {
        if (!test::pythonHasModules({QStringLiteral("numpy"), QStringLiteral("h5py")}))
            QSKIP("Debian's python3-numpy and python3-h5py are needed to write the model files");
        qunsetenv("FOLKRNN_MEMORY_LIMIT_MB");
        // 64 layers of 16384 units: each array is within the per-array limit (2^28 values) but the
        // model would need 1 TiB. The file is a few hundred kilobytes.
        huge_ = makeModel("huge.h5", 64, 16384);
        // 3 layers of 8192 units: 10 GiB of weights with the simulator's copy.
        large_ = makeModel("large.h5", 3, 8192);
    }

    void budgetFollowsTheMachine()
    {
        const std::uint64_t b = memoryBudgetBytes();
        QVERIFY(b > (std::uint64_t(64) << 20));
        QVERIFY(b <= kMemoryCap);
        LimitMb limit("100");
        QCOMPARE(memoryBudgetBytes(), std::uint64_t(100) << 20);
    }

    void hugeModelIsRefused()
    {
        // Beyond the 64 GiB cap on any machine.
        const QString e = errorOf([&] { loadModelHdf5(huge_.toStdString()); });
        QVERIFY2(e.contains(huge_) && e.contains(QStringLiteral("needs 1016 GiB of memory")),
                 qPrintable(e));
        const auto r = test::runProcess(test::binary(QStringLiteral("folkrnn-cli")),
                                        {QStringLiteral("info"), QStringLiteral("--model"), huge_}, 120000);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("memory"), r.err.constData());
    }

    void largeModelIsRefusedUnderALimit()
    {
        {
            LimitMb limit("4096");
            const QString e = errorOf([&] { loadModelHdf5(large_.toStdString()); });
            QVERIFY2(e.contains(QStringLiteral("needs 10 GiB")) && e.contains(QStringLiteral("allows 4.0 GiB")),
                     qPrintable(e));
        }
        // The same check lets a real model through: the bundled 3x512 model needs about 45 MB.
        LimitMb limit("256");
        const Model m = openModel(bundledModel().toStdString());
        QCOMPARE(m.hiddenSize(), 512);
    }

    void pickleIsRefusedUnderALimit()
    {
        LimitMb limit("1");
        const QString pkl = test::testsDir() + QStringLiteral("/pickle/fixtures/folkrnn_py3_p2.pkl");
        const QString e = errorOf([&] { openModel(pkl.toStdString()); });
        QVERIFY2(e.contains(QStringLiteral("needs")), qPrintable(e));
    }

    void sessionTraceLargerThanMemoryAllowsIsRefused()
    {
        // 200 steps of the 3x512 model with every signal: about 7.5 MiB of trace.
        const QString session = dir_.filePath(QStringLiteral("s.frnsession"));
        const auto r = test::runProcess(test::binary(QStringLiteral("folkrnn-cli")),
                                        {QStringLiteral("generate"), QStringLiteral("--model"), bundledModel(),
                                         QStringLiteral("--max-length"), QStringLiteral("200"),
                                         QStringLiteral("--save-session"), session});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(errorOf([&] { readSessionFile(session.toStdString()); }).isEmpty());
        LimitMb limit("4");
        const QString e = errorOf([&] { readSessionFile(session.toStdString()); });
        QVERIFY2(e.contains(session) && e.contains(QStringLiteral("MiB of memory; this machine allows 4.0 MiB")),
                 qPrintable(e));
    }

    void traceLongerThanTheMaximumIsRefused()
    {
        auto model = std::make_shared<const Model>(openModel(bundledModel().toStdString()));
        GenerationSettings s;
        s.maxLength = kMaxSteps + 1;
        QVERIFY(errorOf([&] { Generator g(model, s); }).contains(QStringLiteral("max length")));
        s.maxLength = 1000;
        s.forcedTune.assign(static_cast<std::size_t>(kMaxSteps) + 1, model->tokenIndex("C"));
        QVERIFY(errorOf([&] { Generator g(model, s); }).contains(QStringLiteral("at most")));
    }

    void traceLargerThanMemoryAllowsIsRefused()
    {
        auto model = std::make_shared<const Model>(openModel(bundledModel().toStdString()));
        GenerationSettings s;
        s.maxLength = kMaxSteps;
        LimitMb limit("4096");
        // 100000 steps of a 3x512 model with every signal recorded: about 6 GiB.
        const QString e = errorOf([&] { Generator g(model, s, true); });
        QVERIFY2(e.contains(QStringLiteral("a trace of 100000 steps")) && e.contains(QStringLiteral("GiB")),
                 qPrintable(e));
        // Tokens only (folkrnn-cli generate): 100000 steps need about 2.5 GiB, which fits.
        QVERIFY(errorOf([&] { Generator g(model, s, false); }).isEmpty());
        s.maxLength = 2000;
        QVERIFY(errorOf([&] { Generator g(model, s, true); }).isEmpty());

        QTemporaryDir out;
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FOLKRNN_MEMORY_LIMIT_MB"), QStringLiteral("4096"));
        p.setProcessEnvironment(env);
        p.start(test::binary(QStringLiteral("folkrnn-cli")),
                {QStringLiteral("trace"), QStringLiteral("--model"), bundledModel(), QStringLiteral("--max-length"),
                 QString::number(kMaxSteps), QStringLiteral("--out"), out.filePath(QStringLiteral("t.h5"))});
        QVERIFY(p.waitForFinished(120000));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 2);
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains("max length") && err.contains("memory"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestResourceLimits)
#include "test_resource_limits.moc"

// Opening a session: replayed and checked when its model is found, read-only (saying why) when the
// model is missing, different or unreadable, a tampered token reported at its step; recovery after a
// simulated crash; folkrnn-cli generate --save-session and replay with their exit codes; the file
// layout checked against SESSION-FORMAT.md by an h5py script.
#include "SessionFixtures.h"

#include "common/TestSupport.h"
#include "core/session/ModelFingerprint.h"
#include "core/session/OpenSession.h"
#include "core/session/Recovery.h"
#include "core/util/Error.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;
using namespace folkrnn::sessiontest;
using folkrnn::test::binary;
using folkrnn::test::runProcess;
namespace fs = std::filesystem;

class TestSessionOpen : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    std::shared_ptr<const Model> m = model();

    std::string file(const std::string &name) const { return tmp.filePath(QString::fromStdString(name)).toStdString(); }

    // A fresh folder holding model.h5 and a session made with it.
    std::pair<std::string, Session> sessionWithModel(const std::string &folder, bool withInterventions = true)
    {
        fs::create_directories(file(folder));
        const std::string modelPath = file(folder + "/model.h5");
        saveModelHdf5(*m, modelPath);
        Session s = makeSession(m, modelPath, 5, withInterventions);
        const std::string path = file(folder + "/s.frnsession");
        saveSession(s, path);
        return {path, s};
    }

    folkrnn::test::ProcessResult cli(const QStringList &args)
    {
        return runProcess(binary("folkrnn-cli"), args, 120000);
    }
    static QString exampleModel()
    {
        return QDir(folkrnn::test::testsDir()).filePath("../resources/models/example-random.h5");
    }

private slots:
    void initTestCase() { QVERIFY(tmp.isValid()); }

    void matchingModelIsReplayed()
    {
        const auto [path, s] = sessionWithModel("match");
        const OpenedSession o = openSession(path);
        QCOMPARE(o.status, SessionOpenStatus::Replayed);
        QVERIFY2(!o.readOnly(), o.message.c_str());
        QVERIFY(o.replay && o.replay->reproduced());
        QCOMPARE(o.replay->maxLogProbDifference, 0.0);
        QVERIFY(o.generator && o.model);
        QCOMPARE(o.generator->run().tokens(), s.tokens());
        QVERIFY(o.generator->simulator().interventions() == someInterventions());
        QVERIFY(o.generator->run().signalMatrix(1, Signal::C) == s.run->signalMatrix(1, Signal::C));
        QVERIFY(sameSession(o.session, s));
        QVERIFY(QString::fromStdString(o.message).contains("reproduced"));
    }

    void interventionsAndLaterTunesReplay()
    {
        // The second tune of a seed's stream: the sampler position at its start is stored.
        const std::string modelPath = file("model-later.h5");
        saveModelHdf5(*m, modelPath);
        GenerationSettings g;
        g.seed = 77;
        Generator gen(m, g);
        gen.simulator().setInterventions(someInterventions());
        gen.runToEnd();
        gen.startNextTune();
        gen.runToEnd();
        const Session s = captureSession(gen, modelPath);
        QVERIFY(s.rngDrawsAtStart > 0);
        saveSession(s, file("later.frnsession"));
        const OpenedSession o = openSession(file("later.frnsession"));
        QCOMPARE(o.status, SessionOpenStatus::Replayed);
        QCOMPARE(o.generator->run().tokens(), s.tokens());
        // Without the interventions the tune is another: they are really replayed.
        Session plain = s;
        plain.interventions = {};
        QVERIFY(!replaySession(plain, m, false, "x").check.reproduced());
    }

    void missingModelOpensReadOnly()
    {
        const auto [path, s] = sessionWithModel("missing");
        fs::remove(file("missing/model.h5"));
        const OpenedSession o = openSession(path);
        QCOMPARE(o.status, SessionOpenStatus::ModelMissing);
        QVERIFY(o.readOnly());
        QVERIFY(!o.generator && !o.model && !o.replay);
        QVERIFY(sameSession(o.session, s)); // the stored trace, whole
        QVERIFY2(QString::fromStdString(o.message).contains("was not found"), o.message.c_str());
        QVERIFY(QString::fromStdString(o.message).contains("read-only"));
    }

    void modelBesideTheSessionIsFound()
    {
        const auto [path, s] = sessionWithModel("author");
        // A colleague gets both files in another folder; the stored path no longer exists.
        fs::create_directories(file("colleague"));
        fs::rename(file("author/model.h5"), file("colleague/model.h5"));
        fs::rename(path, file("colleague/s.frnsession"));
        const OpenedSession o = openSession(file("colleague/s.frnsession"));
        QCOMPARE(o.status, SessionOpenStatus::Replayed);
        QCOMPARE(o.modelPath, file("colleague/model.h5"));
    }

    void differentModelOpensReadOnly()
    {
        const auto [path, s] = sessionWithModel("different");
        saveModelHdf5(*model(99), file("different/model.h5")); // same shapes, other weights
        const OpenedSession o = openSession(path);
        QCOMPARE(o.status, SessionOpenStatus::ModelDifferent);
        QVERIFY(o.readOnly() && !o.generator);
        QVERIFY2(QString::fromStdString(o.message).contains("weights differ"), o.message.c_str());
        QVERIFY(sameSession(o.session, s));

        writeAll(file("different/model.h5"), "not a model");
        const OpenedSession u = openSession(path);
        QCOMPARE(u.status, SessionOpenStatus::ModelUnreadable);
        QVERIFY(u.readOnly());

        // The right model chosen by hand, or already in memory.
        saveModelHdf5(*m, file("different/right.h5"));
        OpenSessionOptions byPath;
        byPath.modelPath = file("different/right.h5");
        QCOMPARE(openSession(path, byPath).status, SessionOpenStatus::Replayed);
        OpenSessionOptions inMemory;
        inMemory.model = m;
        QCOMPARE(openSession(path, inMemory).status, SessionOpenStatus::Replayed);
    }

    void tamperedTokenIsReported()
    {
        const auto [path, s] = sessionWithModel("tampered");
        auto tokens = readTokens(path);
        const int step = 4;
        const int original = tokens[step];
        tokens[step] = original == m->tokenIndex("z") ? m->tokenIndex("A") : m->tokenIndex("z");
        setTokens(path, tokens);
        const OpenedSession o = openSession(path);
        QCOMPARE(o.status, SessionOpenStatus::ReplayMismatch);
        QVERIFY(o.readOnly());
        QCOMPARE(o.replay->firstDifference, step);
        QCOMPARE(o.replay->storedToken, tokens[step]);
        QCOMPARE(o.replay->replayedToken, original);
        QVERIFY(o.generator); // the replay is there for the GUI to offer
        QCOMPARE(o.session.tokens(), tokens); // the stored trace is what is shown
        QVERIFY2(QString::fromStdString(o.message).contains("step 4: stored \""), o.message.c_str());
    }

    void recoveryAfterACrash()
    {
        const std::string modelPath = file("model-recover.h5");
        saveModelHdf5(*m, modelPath);
        const fs::path dir = file("autosave");
        // The GUI autosaved, then "crashed": nothing removed the copy.
        writeRecoveryCopy(makeSession(m, modelPath), dir, "work in progress");
        // Next start: the copy is offered and opens as the session it was.
        const auto found = listRecoveryFiles(dir);
        QCOMPARE(found.size(), std::size_t(1));
        const OpenedSession o = openSession(found[0].path.string());
        QCOMPARE(o.status, SessionOpenStatus::Replayed);
        QVERIFY(sameSession(o.session, makeSession(m, modelPath)));
        removeRecoveryFile(found[0].path);
        QVERIFY(listRecoveryFiles(dir).empty());
    }

    void cliGenerateAndReplay()
    {
        const QString session = QString::fromStdString(file("cli.frnsession"));
        auto gen = cli({"generate", "--model", exampleModel(), "--seed", "8", "--format", "tokens", "--clamp",
                        "2:5=0.5@3-", "--save-session", session});
        QVERIFY2(gen.exitCode == 0, gen.err.constData());
        const Session s = readSessionFile(session.toStdString());
        QCOMPARE(QString::fromStdString(s.modelPath), QFileInfo(exampleModel()).absoluteFilePath());
        QCOMPARE(s.settings.seed, 8u);
        QCOMPARE(s.interventions.items.size(), std::size_t(1));
        // What generate printed is the stored tune.
        QStringList printed;
        for (int t = 0; t < s.run->steps(); ++t)
            if (s.run->tokenText(s.run->token(t)) != "</s>")
                printed << QString::fromStdString(s.run->tokenText(s.run->token(t)));
        QCOMPARE(QString::fromUtf8(gen.out.trimmed()), printed.join(' '));

        auto ok = cli({"replay", session});
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        QVERIFY(ok.out.contains("the stored tokens are reproduced"));

        auto tokens = readTokens(session.toStdString());
        tokens[6] = tokens[6] == 10 ? 11 : 10;
        setTokens(session.toStdString(), tokens);
        auto bad = cli({"replay", session});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.out.contains("at step 6:"), bad.out.constData());

        writeAll(file("garbage.frnsession"), std::string(3000, 'x'));
        const auto q = [&](const std::string &name) { return QString::fromStdString(file(name)); };
        const QList<QStringList> refused = {
            {"replay", q("garbage.frnsession")},
            {"replay", q("absent.frnsession")},
            {"replay"},
            {"replay", session, "--model", q("x.h5")},
            {"generate", "--model", exampleModel(), "--count", "2", "--save-session", q("two.frnsession")},
        };
        for (const QStringList &args : refused) {
            auto r = cli(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY(!r.crashed);
            QCOMPARE(r.err.count('\n'), 1);
        }
        QVERIFY(!fs::exists(file("two.frnsession")));
    }

    void cliReplayWithoutItsModel()
    {
        const auto [path, s] = sessionWithModel("cli-missing", false);
        fs::remove(file("cli-missing/model.h5"));
        auto r = cli({"replay", QString::fromStdString(path)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("was not found"), r.err.constData());
    }

    void layoutMatchesTheDocumentedFormat()
    {
        if (!folkrnn::test::pythonHasModules({"h5py", "numpy"}))
            QSKIP("Debian's python3-h5py is not installed");
        const auto [path, s] = sessionWithModel("layout");
        const QString script = folkrnn::test::testsDir() + "/session/check_session_layout.py";
        auto r = runProcess(folkrnn::test::python(),
                            {script, QString::fromStdString(path), QString::fromStdString(file("layout/model.h5"))});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        QVERIFY(r.out.contains("fingerprint matches"));
        // And a session written by folkrnn-cli from the bundled example model.
        const QString cliSession = QString::fromStdString(file("layout/cli.frnsession"));
        QCOMPARE(cli({"generate", "--model", exampleModel(), "--save-session", cliSession}).exitCode, 0);
        r = runProcess(folkrnn::test::python(), {script, cliSession, exampleModel()});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    }
};

QTEST_GUILESS_MAIN(TestSessionOpen)
#include "test_session_open.moc"

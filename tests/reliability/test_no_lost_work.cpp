// No lost work: a process killed with SIGKILL at any moment of a session save leaves the previous
// file whole (or the new one whole), never a damaged or missing session, and temporary files are
// neither listed as recovery copies nor named like sessions. Two killers: a helper that does
// nothing but save (reliability_save_loop, so most kills land inside a save) and folkrnn-cli
// generate --save-session, the real program.
#include "common/TestSupport.h"
#include "core/session/Recovery.h"
#include "core/session/SessionFile.h"
#include "core/util/Error.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <filesystem>

using namespace folkrnn;
namespace fs = std::filesystem;

namespace {

QString bundledModel() { return test::testsDir() + QStringLiteral("/../resources/models/folkrnn-nottingham.h5"); }

// Temporary files a save leaves while it runs (".NAME.tmpNNN"), in `dir`.
int temporaryFiles(const fs::path &dir)
{
    int n = 0;
    for (const auto &e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.front() == '.' && name.find(".tmp") != std::string::npos) {
            ++n;
            // A file dialog filtering *.frnsession must not offer it.
            if (name.size() >= 11 && name.compare(name.size() - 11, 11, ".frnsession") == 0)
                qFatal("temporary file named like a session: %s", name.c_str());
        }
    }
    return n;
}

} // namespace

class TestNoLostWork : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string a_, b_;
    std::vector<int> tokensA_, tokensB_;

    std::string path(const char *name) const { return (dir_.path() + QLatin1Char('/') + QLatin1String(name)).toStdString(); }

    void makeSession(const std::string &out, int seed)
    {
        const auto r = test::runProcess(test::binary(QStringLiteral("folkrnn-cli")),
                                        {QStringLiteral("generate"), QStringLiteral("--model"), bundledModel(),
                                         QStringLiteral("--seed"), QString::number(seed), QStringLiteral("--max-length"),
                                         QStringLiteral("200"), QStringLiteral("--save-session"),
                                         QString::fromStdString(out)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // The file at `p` opens, validates and holds one of the two sessions the savers write.
    bool holdsAorB(const std::string &p)
    {
        try {
            const Session s = readSessionFile(p);
            return s.tokens() == tokensA_ || s.tokens() == tokensB_;
        } catch (const InputError &e) {
            qWarning("%s", e.what());
            return false;
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        a_ = path("a.frnsession");
        b_ = path("b.frnsession");
        makeSession(a_, 1);
        makeSession(b_, 2);
        tokensA_ = readSessionFile(a_).tokens();
        tokensB_ = readSessionFile(b_).tokens();
        QVERIFY(tokensA_ != tokensB_);
    }

    void killedSaveLoop()
    {
        const std::string target = path("work.frnsession");
        const fs::path autosave = path("autosave");
        fs::copy_file(a_, target, fs::copy_options::overwrite_existing);
        writeRecoveryCopy(readSessionFile(a_), autosave, "target");

        // How long one save of the session and its recovery copy takes here (sanitizers included).
        QProcess p;
        p.start(test::binary(QStringLiteral("reliability_save_loop")),
                {QString::fromStdString(a_), QString::fromStdString(b_), QString::fromStdString(target),
                 QString::fromStdString(autosave.string())});
        QVERIFY(p.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        int saves = 0;
        while (saves < 6 && p.state() == QProcess::Running && clock.elapsed() < 120000) {
            p.waitForReadyRead(1000);
            saves += static_cast<int>(p.readAll().count("saved"));
        }
        const qint64 cycleMs = std::max<qint64>(2, clock.elapsed() / std::max(1, saves));
        p.kill();
        p.waitForFinished();
        QVERIFY2(saves >= 6, p.readAllStandardError().constData());

        const int kills = 40;
        int midSave = 0;
        for (int k = 0; k < kills; ++k) {
            QProcess saver;
            saver.start(test::binary(QStringLiteral("reliability_save_loop")),
                        {QString::fromStdString(a_), QString::fromStdString(b_), QString::fromStdString(target),
                         QString::fromStdString(autosave.string())});
            QVERIFY(saver.waitForStarted());
            QVERIFY(saver.waitForReadyRead(60000)); // "ready": the sessions are read, saving starts
            QThread::msleep(static_cast<unsigned long>(QRandomGenerator::global()->bounded(cycleMs)));
            saver.kill(); // SIGKILL
            QVERIFY(saver.waitForFinished());
            QCOMPARE(saver.exitStatus(), QProcess::CrashExit);

            const int temps = temporaryFiles(fs::path(target).parent_path()) + temporaryFiles(autosave);
            midSave += temps > 0 ? 1 : 0;
            QVERIFY2(holdsAorB(target), qPrintable(QStringLiteral("kill %1: the session file is damaged").arg(k)));
            const auto copies = listRecoveryFiles(autosave);
            QCOMPARE(copies.size(), std::size_t(1)); // temporary files are not offered for recovery
            QVERIFY2(holdsAorB(copies.front().path.string()),
                     qPrintable(QStringLiteral("kill %1: the autosave is damaged").arg(k)));
            // What the GUI does at start-up; the leftovers of this kill go, the sessions stay.
            removeStaleTemporaryFiles(fs::path(target).parent_path());
            removeStaleTemporaryFiles(autosave);
            QCOMPARE(temporaryFiles(fs::path(target).parent_path()) + temporaryFiles(autosave), 0);
            QVERIFY(fs::exists(target));
        }
        qInfo("%d SIGKILLs, %d of them during a save (a temporary file was left); one save cycle takes %lld ms",
              kills, midSave, static_cast<long long>(cycleMs));
        // Otherwise the kills missed the saves and the test proved nothing. A save spends most of its
        // time building the compressed image in memory, before the temporary file exists, so about
        // one kill in six or ten lands while it does.
        QVERIFY2(midSave >= 3, qPrintable(QStringLiteral("only %1 kills landed in a save").arg(midSave)));
    }

    void killedCliSave()
    {
        const std::string target = path("cli.frnsession");
        fs::copy_file(a_, target, fs::copy_options::overwrite_existing);
        const QStringList args{QStringLiteral("generate"), QStringLiteral("--model"), bundledModel(),
                               QStringLiteral("--seed"), QStringLiteral("2"), QStringLiteral("--max-length"),
                               QStringLiteral("200"), QStringLiteral("--save-session"), QString::fromStdString(target)};
        // How long a whole run takes: the kills are spread over it, the save being at its end.
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(test::runProcess(test::binary(QStringLiteral("folkrnn-cli")), args).exitCode, 0);
        const qint64 runMs = clock.elapsed();
        QVERIFY(holdsAorB(target));

        const int kills = 20;
        int replaced = 0;
        for (int k = 0; k < kills; ++k) {
            fs::copy_file(a_, target, fs::copy_options::overwrite_existing);
            QProcess cli;
            cli.start(test::binary(QStringLiteral("folkrnn-cli")), args);
            QVERIFY(cli.waitForStarted());
            // From half the run to past its end (run times vary), the save being at the end.
            QThread::msleep(static_cast<unsigned long>(runMs / 2 + QRandomGenerator::global()->bounded(runMs + 1)));
            cli.kill();
            QVERIFY(cli.waitForFinished());
            QVERIFY2(holdsAorB(target), qPrintable(QStringLiteral("kill %1: the session file is damaged").arg(k)));
            replaced += readSessionFile(target).tokens() == tokensB_ ? 1 : 0;
            removeStaleTemporaryFiles(fs::path(target).parent_path());
        }
        qInfo("%d SIGKILLs of folkrnn-cli generate --save-session (a run takes %lld ms): %d after the save, "
              "%d before; the file was whole every time", kills, static_cast<long long>(runMs), replaced,
              kills - replaced);
    }
};

QTEST_GUILESS_MAIN(TestNoLostWork)
#include "test_no_lost_work.moc"

// Sessions in the inspector window: what is saved comes back (tokens, interventions, settings,
// selection, notes), a session whose model is gone opens read-only and says so, a failed save
// names the file and leaves the old one as it was, unsaved changes are asked about, and an
// autosave left by a crashed instance is offered at the next start.
#include "MainWindow.h"
#include "SessionController.h"

#include "WindowTestSupport.h"
#include "common/TestSupport.h"
#include "core/session/SessionFile.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

using namespace folkrnn;
using namespace folkrnn::gui;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSessionWindow : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    QString modelPath;

    QString file(const QString &name) const { return tmp.filePath(name); }

    // A window with the random 3x64 model, a tune with interventions, a selection and notes.
    std::unique_ptr<MainWindow> makeWorkedWindow(const QString &model)
    {
        auto w = std::make_unique<MainWindow>(false);
        Document *doc = w->document();
        doc->openModel(model);
        GenerationSettings s = doc->settings();
        s.seed = 7;
        s.temperature = 0.8;
        s.maxLength = 40;
        doc->changeSettings(s);
        InterventionSet set;
        Intervention clamp;
        clamp.layer = 1;
        clamp.units = {3, 7};
        clamp.value = 0.5;
        clamp.fromStep = 2;
        clamp.toStep = 20;
        set.items = {clamp};
        doc->setInterventions(set);
        doc->runToEnd();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!doc->busy(), 60000); }();
        widgets::SelectionState sel;
        sel.step = 5;
        sel.layer = 2;
        sel.signal = Signal::F;
        sel.units = {9, 3};
        sel.token = 4;
        sel.stepRange = {2, 9};
        doc->selection()->setState(sel);
        w->sessions()->notesEdit()->setPlainText(QStringLiteral("clamp 2:3,7 — the B part goes flat ♩"));
        return w;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        test::isolateSessionSettings(QStringLiteral("test_session_window"), file(QStringLiteral("autosave")));
        QDir().mkpath(file(QStringLiteral("models")));
        modelPath = file(QStringLiteral("models/random.h5"));
        QVERIFY(QFile::copy(folkrnn::test::testsDir() + QStringLiteral("/../resources/models/example-random.h5"), modelPath));
    }

    void saveThenOpenGivesTheSameSession()
    {
        auto w1 = makeWorkedWindow(modelPath);
        SessionController *c1 = w1->sessions();
        Document *d1 = w1->document();
        QVERIFY(d1->run()->steps() > 10);
        QVERIFY(c1->isModified());
        QVERIFY(w1->isWindowModified());
        QVERIFY(w1->windowTitle().contains(QLatin1String("Untitled[*]")));

        const QString path = file(QStringLiteral("tune.frnsession"));
        QVERIFY(c1->saveSessionAs(path));
        QVERIFY(!c1->isModified() && !w1->isWindowModified());
        QVERIFY2(w1->windowTitle().startsWith(QLatin1String("tune.frnsession[*]")), qPrintable(w1->windowTitle()));

        MainWindow w2(false);
        SessionController *c2 = w2.sessions();
        QVERIFY(c2->openSession(path));
        Document *d2 = w2.document();
        QVERIFY(!c2->readOnly());
        QVERIFY(c2->bannerText().isEmpty());
        QCOMPARE(d2->run()->tokens(), d1->run()->tokens());
        QCOMPARE(d2->settings(), d1->settings());
        QVERIFY(d2->interventions() == d1->interventions());
        QCOMPARE(d2->selection()->state(), d1->selection()->state());
        QCOMPARE(c2->notesEdit()->toPlainText(), c1->notesEdit()->toPlainText());
        QCOMPARE(c2->currentFile(), path);
        QVERIFY(!c2->isModified());
        // Replayed, not just shown: the tune can go on.
        QVERIFY(d2->model() != nullptr);
        QVERIFY(w2.actions().reset->isEnabled());
        // A change marks it modified again.
        c2->notesEdit()->appendPlainText(QStringLiteral("more"));
        QVERIFY(c2->isModified() && w2.isWindowModified());
    }

    void missingModelOpensReadOnlyFromTheStoredRun()
    {
        const QString model = file(QStringLiteral("gone/random.h5"));
        QDir().mkpath(file(QStringLiteral("gone")));
        QVERIFY(QFile::copy(modelPath, model));
        auto w1 = makeWorkedWindow(model);
        const QString path = file(QStringLiteral("orphan.frnsession"));
        QVERIFY(w1->sessions()->saveSessionAs(path));
        const std::vector<int> tokens = w1->document()->run()->tokens();
        w1.reset();
        QVERIFY(QFile::remove(model));

        MainWindow w2(false);
        SessionController *c = w2.sessions();
        QVERIFY(c->openSession(path));
        QVERIFY(c->readOnly());
        QVERIFY2(c->bannerText().contains(QLatin1String("Read-only")), qPrintable(c->bannerText()));
        QVERIFY2(c->bannerText().contains(QLatin1String("not found")) || c->bannerText().contains(QLatin1String("missing")),
                 qPrintable(c->bannerText()));
        QVERIFY(w2.windowTitle().contains(QLatin1String("read-only")));
        QCOMPARE(w2.document()->run()->tokens(), tokens);
        QCOMPARE(w2.document()->selection()->step(), 5);
        QVERIFY(!w2.actions().stepForward->isEnabled());
        QVERIFY(!w2.actions().reset->isEnabled());
        if (const QString shot = qEnvironmentVariable("FOLKRNN_SESSION_SCREENSHOT"); !shot.isEmpty()) {
            w2.resize(1400, 900);
            w2.resetLayout();
            c->notesDock()->show();
            w2.show();
            QTest::qWait(500);
            QVERIFY(w2.grab().save(shot)); // for looking at, not asserted
        }
        // Notes can still be added and the session saved elsewhere, stored run and all.
        c->notesEdit()->appendPlainText(QStringLiteral("looked at without the model"));
        const QString copy = file(QStringLiteral("orphan-annotated.frnsession"));
        QVERIFY(c->saveSessionAs(copy));
        const Session back = readSessionFile(copy.toStdString());
        QCOMPARE(back.tokens(), tokens);
        QVERIFY(QString::fromStdString(back.notes).endsWith(QLatin1String("looked at without the model")));
    }

    void failedSaveNamesTheFileAndKeepsTheOldOne()
    {
        auto w = makeWorkedWindow(modelPath);
        SessionController *c = w->sessions();
        // A folder that cannot exist: its parent is a file (works as root too).
        const QString impossible = modelPath + QStringLiteral("/x.frnsession");
        QVERIFY(!c->saveSessionAs(impossible));
        QStringList errors = test::takeErrors(w.get());
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.front().contains(impossible), qPrintable(errors.front()));
        QVERIFY(c->isModified());
        QVERIFY(c->currentFile().isEmpty());

        const QString dir = file(QStringLiteral("kept"));
        QDir().mkpath(dir);
        const QString path = dir + QStringLiteral("/kept.frnsession");
        QVERIFY(c->saveSessionAs(path));
        const QByteArray before = readAll(path);
        QVERIFY(!before.isEmpty());
        c->notesEdit()->appendPlainText(QStringLiteral("changed after saving"));

        // A write that fails part way (as on a full disk): the file-size limit, which holds for root.
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 16 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const bool saved = c->saveSession();
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(!saved);
        errors = test::takeErrors(w.get());
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.front().contains(path) && errors.front().contains(QLatin1String("unchanged")),
                 qPrintable(errors.front()));
        QCOMPARE(readAll(path), before);
        QVERIFY(c->isModified());
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("kept.frnsession")});

        // A read-only folder (chmod has no effect for root, who may write anyway).
        if (::geteuid() == 0)
            QSKIP("running as root: a read-only folder does not stop root's writes (covered above by the size limit)");
        QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner));
        const bool savedReadOnly = c->saveSession();
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!savedReadOnly);
        errors = test::takeErrors(w.get());
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.front().contains(path));
        QCOMPARE(readAll(path), before);
    }

    void unsavedChangesAreAskedAbout()
    {
        auto w = makeWorkedWindow(modelPath);
        SessionController *c = w->sessions();
        QStringList asked;
        auto answer = QMessageBox::Cancel;
        c->setAsk([&](const QString &, const QString &text, QMessageBox::StandardButtons) {
            asked << text;
            return answer;
        });
        w->show();
        QVERIFY(!w->close()); // Cancel keeps the window
        QCOMPARE(asked.size(), 1);
        QVERIFY(w->isVisible());
        const QString path = file(QStringLiteral("tune.frnsession"));
        QVERIFY(!c->openSession(path)); // Cancel keeps the current session
        QCOMPARE(asked.size(), 2);
        QVERIFY(c->currentFile().isEmpty());
        answer = QMessageBox::Discard;
        QVERIFY(c->openSession(path));
        QCOMPARE(asked.size(), 3);
        QCOMPARE(c->currentFile(), path);
        QVERIFY(w->close()); // nothing changed since opening: no question
        QCOMPARE(asked.size(), 3);
    }

    void autosaveIsOfferedAfterACrash()
    {
        const QString root = file(QStringLiteral("autosave"));
        std::vector<int> tokens;
        QString crashed = root + QStringLiteral("/crashed-instance");
        {
            auto w = makeWorkedWindow(modelPath);
            tokens = w->document()->run()->tokens();
            w->sessions()->notesEdit()->setPlainText(QStringLiteral("recover me"));
            w->sessions()->autosaveNow();
            const QString copy = w->sessions()->recovery().currentFile();
            QVERIFY2(QFile::exists(copy), qPrintable(copy));
            QVERIFY(copy.startsWith(root));
            // What a crash leaves: the copy in a folder whose owner is gone (no live lock).
            QVERIFY(QDir().mkpath(crashed));
            QVERIFY(QFile::copy(copy, crashed + QStringLiteral("/untitled.frnsession")));
            // Another running instance's copy is never offered.
            MainWindow other(false);
            other.sessions()->setAsk([](const QString &, const QString &, QMessageBox::StandardButtons) {
                return QMessageBox::Cancel;
            });
            QVERIFY(!other.sessions()->recovery().orphans().isEmpty());
            for (const auto &o : other.sessions()->recovery().orphans())
                QVERIFY2(o.folder == crashed, qPrintable(o.folder));
        }
        // A clean exit leaves nothing of its own behind.
        QCOMPARE(QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList{QStringLiteral("crashed-instance")});

        {
            MainWindow later(false);
            QStringList asked;
            later.sessions()->setAsk([&](const QString &, const QString &text, QMessageBox::StandardButtons) {
                asked << text;
                return QMessageBox::Cancel; // not now: kept for the next start
            });
            QVERIFY(!later.sessions()->offerRecovery());
            QCOMPARE(asked.size(), 1);
            QVERIFY(asked.front().contains(QLatin1String("did not close normally")));
        }
        QVERIFY(QFile::exists(crashed + QStringLiteral("/untitled.frnsession")));

        MainWindow next(false);
        SessionController *c = next.sessions();
        c->setAsk([](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Yes; });
        QVERIFY(c->offerRecovery());
        QCOMPARE(next.document()->run()->tokens(), tokens);
        QCOMPARE(c->notesEdit()->toPlainText(), QStringLiteral("recover me"));
        QVERIFY(c->isModified());
        QVERIFY(next.windowTitle().contains(QLatin1String("recovered")));
        QVERIFY(!QDir(crashed).exists()); // taken over: this instance autosaved it
        QVERIFY(QFile::exists(c->recovery().currentFile()));
        QVERIFY(c->recovery().orphans().isEmpty());
    }
};

QTEST_MAIN(TestSessionWindow)
#include "test_session_window.moc"

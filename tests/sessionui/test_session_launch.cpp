// Opening from outside the window: `folkrnn-inspector FILE` (the desktop entry's %f) opens a
// session or a model, and a bad FILE is a command-line error (one stderr line, exit 2). A session
// whose model is gone opens read-only with Locate Model… on its banner: the right model makes it
// live and steppable, a model with other weights (or no model at all) is refused with a dialog
// naming the file, and the session stays as it was.
#include "LaunchOptions.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "Startup.h"

#include "WindowTestSupport.h"
#include "common/TestSupport.h"
#include "core/model/ModelFile.h"
#include "core/model/OpenModel.h"
#include "core/session/SessionFile.h"

#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

using namespace folkrnn;
using namespace folkrnn::gui;

namespace {

LaunchOptions parse(const QStringList &args, QString *errorOut = nullptr)
{
    QString error;
    const auto o = parseLaunchOptions(QStringList{QStringLiteral("folkrnn-inspector")} + args, error);
    if (errorOut)
        *errorOut = error;
    return o.value_or(LaunchOptions{});
}

} // namespace

class TestSessionLaunch : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    QString modelPath;   // stays where it is
    QString goneModel;   // the model of orphan.frnsession, removed after saving
    QString otherModel;  // the same shape, one weight changed: another fingerprint
    QString sessionPath; // made with modelPath
    QString orphanPath;  // made with goneModel
    std::vector<int> tokens;

    QString file(const QString &name) const { return tmp.filePath(name); }

    // Saves a 30-step tune made with `model` to `path`; returns its tokens.
    std::vector<int> makeSession(const QString &model, const QString &path)
    {
        MainWindow w(false);
        Document *doc = w.document();
        doc->openModel(model);
        GenerationSettings s = doc->settings();
        s.seed = 11;
        s.maxLength = 30;
        doc->changeSettings(s);
        doc->runToEnd();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!doc->busy(), 60000); }();
        widgets::SelectionState sel;
        sel.step = 4;
        doc->selection()->setState(sel);
        w.sessions()->notesEdit()->setPlainText(QStringLiteral("made for the launch test"));
        [&] { QVERIFY(w.sessions()->saveSessionAs(path)); }();
        return doc->run()->tokens();
    }

    // A window holding orphan.frnsession read-only, opened the way the command line opens it.
    std::unique_ptr<MainWindow> openOrphan()
    {
        auto w = std::make_unique<MainWindow>(false);
        Startup startup(w.get(), parse({orphanPath}));
        [&] {
            QVERIFY(startup.openFiles());
            QVERIFY(w->sessions()->readOnly());
        }();
        return w;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        test::isolateSessionSettings(QStringLiteral("test_session_launch"), file(QStringLiteral("autosave")));
        const QString example = folkrnn::test::testsDir() + QStringLiteral("/../resources/models/example-random.h5");
        QDir().mkpath(file(QStringLiteral("models")));
        QDir().mkpath(file(QStringLiteral("gone")));
        modelPath = file(QStringLiteral("models/random.h5"));
        goneModel = file(QStringLiteral("gone/random.h5"));
        otherModel = file(QStringLiteral("models/retrained.h5"));
        QVERIFY(QFile::copy(example, modelPath));
        QVERIFY(QFile::copy(example, goneModel));
        Model other = openModel(modelPath.toStdString());
        other.denseB[0] += 0.25f;
        saveModelHdf5(other, otherModel.toStdString());

        sessionPath = file(QStringLiteral("tune.frnsession"));
        tokens = makeSession(modelPath, sessionPath);
        QVERIFY(tokens.size() > 5);
        orphanPath = file(QStringLiteral("orphan.frnsession"));
        QCOMPARE(makeSession(goneModel, orphanPath), tokens);
        QVERIFY(QFile::remove(goneModel));
    }

    void positionalFileIsASessionOrAModel()
    {
        QString error;
        LaunchOptions o = parse({sessionPath}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(o.session, sessionPath);
        QVERIFY(o.model.isEmpty());
        o = parse({QStringLiteral("/x/Tune.FRNSESSION")});
        QCOMPARE(o.session, QStringLiteral("/x/Tune.FRNSESSION"));
        o = parse({modelPath});
        QCOMPARE(o.model, modelPath);
        QVERIFY(o.session.isEmpty());
        // A session and the model to use for it.
        o = parse({QStringLiteral("--model"), modelPath, sessionPath});
        QCOMPARE(o.model, modelPath);
        QCOMPARE(o.session, sessionPath);

        parse({sessionPath, modelPath}, &error);
        QVERIFY2(error.contains(QLatin1String("one FILE")), qPrintable(error));
        parse({QStringLiteral("--model"), modelPath, otherModel}, &error);
        QVERIFY2(error.contains(QLatin1String("two models")), qPrintable(error));
    }

    void positionalSessionOpensLive()
    {
        MainWindow w(false);
        Startup startup(&w, parse({sessionPath}));
        QVERIFY(startup.openFiles());
        SessionController *c = w.sessions();
        QCOMPARE(c->currentFile(), sessionPath);
        QVERIFY(!c->readOnly());
        QVERIFY(!c->isModified());
        QCOMPARE(w.document()->run()->tokens(), tokens);
        QCOMPARE(w.document()->selection()->step(), 4);
        QCOMPARE(c->notesEdit()->toPlainText(), QStringLiteral("made for the launch test"));
        QVERIFY(w.document()->canStepBack());
        QVERIFY(!c->locateModelAction()->isEnabled());
        QVERIFY(startup.begin());
    }

    void positionalModelOpensAsWithModelOption()
    {
        MainWindow w(false);
        Startup startup(&w, parse({otherModel}));
        QVERIFY(startup.openFiles());
        QCOMPARE(w.document()->modelPath(), otherModel);
        QVERIFY(w.sessions()->currentFile().isEmpty());
    }

    void missingModelOpensReadOnlyWithLocateModel()
    {
        auto w = openOrphan();
        SessionController *c = w->sessions();
        QCOMPARE(c->currentFile(), orphanPath);
        QVERIFY2(c->bannerText().contains(QLatin1String("not found")), qPrintable(c->bannerText()));
        QVERIFY2(c->bannerText().contains(QLatin1String("Locate Model")), qPrintable(c->bannerText()));
        QCOMPARE(w->document()->run()->tokens(), tokens);
        QVERIFY(!w->actions().stepForward->isEnabled());
        QVERIFY(!w->document()->canStepBack());
        QAction *locate = c->locateModelAction();
        QVERIFY(locate->isEnabled());
        // On the banner and in the File menu.
        auto *banner = w->findChild<QToolBar *>(QStringLiteral("toolbar-session-banner"));
        QVERIFY(banner && banner->actions().contains(locate));
        bool inMenu = false;
        for (QAction *a : w->menuBar()->actions())
            if (a->menu() && a->menu()->actions().contains(locate))
                inMenu = true;
        QVERIFY(inMenu);
        if (const QString shot = qEnvironmentVariable("FOLKRNN_LOCATE_SCREENSHOT"); !shot.isEmpty()) {
            w->resize(1400, 900);
            w->show();
            QTest::qWait(500);
            QVERIFY(w->grab().save(shot)); // for looking at, not asserted
        }
    }

    void locatingTheRightModelMakesTheSessionLive()
    {
        auto w = openOrphan();
        SessionController *c = w->sessions();
        c->notesEdit()->appendPlainText(QStringLiteral("read before the model was found"));
        const QString notes = c->notesEdit()->toPlainText();
        const auto steps = w->document()->run()->steps();

        QVERIFY(c->locateModel(modelPath));
        QVERIFY(test::takeErrors(w.get()).isEmpty());
        QVERIFY(!c->readOnly());
        QVERIFY(c->bannerText().isEmpty());
        QVERIFY(!c->locateModelAction()->isEnabled());
        QCOMPARE(w->document()->modelPath(), modelPath);
        QCOMPARE(w->document()->run()->tokens(), tokens);
        QCOMPARE(c->notesEdit()->toPlainText(), notes); // what was written meanwhile stays
        QCOMPARE(c->currentFile(), orphanPath);
        QVERIFY(c->isModified()); // it names another model file now
        QVERIFY(!w->windowTitle().contains(QLatin1String("read-only")));

        // Live: it steps back and forward again to the same tokens.
        QVERIFY(w->actions().reset->isEnabled());
        Document *doc = w->document();
        QVERIFY(doc->canStepBack());
        doc->stepBack();
        QCOMPARE(doc->run()->steps(), steps - 1);
        QVERIFY(doc->canStepForward());
        doc->stepForward();
        QCOMPARE(doc->run()->tokens(), tokens);

        // Saving records the located model: the session opens live from now on.
        const QString fixed = file(QStringLiteral("orphan-fixed.frnsession"));
        QVERIFY(c->saveSessionAs(fixed));
        QCOMPARE(QString::fromStdString(readSessionFile(fixed.toStdString()).modelPath), modelPath);
    }

    void locatingAnotherModelKeepsTheSessionReadOnly()
    {
        auto w = openOrphan();
        SessionController *c = w->sessions();
        const QString banner = c->bannerText();
        const QString title = w->windowTitle();

        QVERIFY(!c->locateModel(otherModel));
        QStringList errors = test::takeErrors(w.get());
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.front().contains(QDir::toNativeSeparators(otherModel)), qPrintable(errors.front()));
        QVERIFY2(errors.front().contains(QLatin1String("weights differ")), qPrintable(errors.front()));
        QVERIFY(c->readOnly());
        QCOMPARE(c->bannerText(), banner);
        QCOMPARE(w->windowTitle(), title);
        QCOMPARE(w->document()->run()->tokens(), tokens);
        QVERIFY(!w->actions().stepForward->isEnabled());
        QVERIFY(c->locateModelAction()->isEnabled()); // another try

        // Not a model at all, and no file.
        QVERIFY(!c->locateModel(sessionPath));
        errors = test::takeErrors(w.get());
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.front().contains(QDir::toNativeSeparators(sessionPath)), qPrintable(errors.front()));
        const QString nowhere = file(QStringLiteral("nowhere/random.h5"));
        QVERIFY(!c->locateModel(nowhere));
        errors = test::takeErrors(w.get());
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.front().contains(QLatin1String("no such file")), qPrintable(errors.front()));
        QVERIFY(c->readOnly());
        QCOMPARE(w->document()->run()->tokens(), tokens);
    }

    void badFileIsACommandLineError()
    {
        // In the program: one line on stderr naming the file, exit status 2, no window left behind.
        const QString program = folkrnn::test::binary(QStringLiteral("folkrnn-inspector"));
        if (!QFileInfo(program).isExecutable())
            QSKIP("folkrnn-inspector not built");
        qputenv("XDG_CONFIG_HOME", file(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", file(QStringLiteral("data")).toUtf8());
        const QString missing = file(QStringLiteral("missing.frnsession"));
        QFile bad(file(QStringLiteral("bad.frnsession")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a session");
        bad.close();
        for (const QString &f : {missing, bad.fileName(), file(QStringLiteral("missing.h5"))}) {
            const auto r = folkrnn::test::runProcess(program, {f}, 120000);
            QCOMPARE(r.exitCode, 2);
            // Ours, among whatever Qt says about the machine (XDG_RUNTIME_DIR, audio).
            const QString err = QString::fromUtf8(r.err);
            QStringList ours;
            for (const QString &line : err.split(QLatin1Char('\n')))
                if (line.startsWith(QLatin1String("folkrnn-inspector: ")))
                    ours << line;
            QVERIFY2(ours.size() == 1 && ours.front().contains(f), qPrintable(err));
        }
        const auto two = folkrnn::test::runProcess(program, {sessionPath, orphanPath}, 120000);
        QCOMPARE(two.exitCode, 2);
    }
};

QTEST_MAIN(TestSessionLaunch)
#include "test_session_launch.moc"

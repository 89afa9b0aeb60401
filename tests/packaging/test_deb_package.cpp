// The Debian package: built with cpack -G DEB (or $FOLKRNN_DEB, an already built one), unpacked
// with dpkg-deb -x into a scratch root, its programs run from there in another directory without
// $FOLKRNN_MODEL: folkrnn-cli finds the installed model (info names the file under the scratch
// root, never the source tree) and generates the same tune as the build tree's; folkrnn-inspector
// --help comes out in German from the installed .qm. Depends (dpkg-shlibdeps) names the package of
// every shared library the programs link. The Python module imports from the installed
// dist-packages. Needs the programs built (ninja) before ctest.
#include "common/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn::test;

namespace {

ProcessResult runIn(const QString &dir, const QString &program, const QStringList &args,
                    const QProcessEnvironment &env)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessEnvironment(env);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(30000))
        return r;
    p.closeWriteChannel();
    p.waitForFinished(600000);
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The package (Debian name) that owns a shared library file, by dpkg -S on the path and its
// /usr-merged twin.
QString owner(const QString &path)
{
    QStringList candidates{path, QFileInfo(path).canonicalFilePath()};
    for (const QString &c : QStringList(candidates)) {
        if (c.startsWith(QLatin1String("/usr/lib/")))
            candidates << c.mid(4);
        else if (c.startsWith(QLatin1String("/lib/")))
            candidates << QStringLiteral("/usr") + c;
    }
    for (const QString &c : candidates) {
        const auto r = runProcess(QStringLiteral("dpkg"), {QStringLiteral("-S"), c}, 60000);
        if (r.exitCode == 0)
            return QString::fromUtf8(r.out).section(QLatin1Char(':'), 0, 0).trimmed();
    }
    return {};
}

// The packages a library's owner declares for it in its shlibs or symbols file, the names
// dpkg-shlibdeps writes (libopenblas0-pthread's library is depended on as libopenblas0).
QStringList declaredDependencies(const QString &owner, const QString &soname)
{
    QStringList names{owner};
    const QString stem = soname.section(QStringLiteral(".so"), 0, 0);
    for (const QString &suffix : {QStringLiteral(".shlibs"), QStringLiteral(".symbols")}) {
        for (const QString &file : {owner + suffix, owner + QStringLiteral(":amd64") + suffix}) {
            QFile f(QStringLiteral("/var/lib/dpkg/info/") + file);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
                const QStringList w = line.simplified().split(QLatin1Char(' '));
                // shlibs: "libopenblas 0 libopenblas0"; symbols: "libQt6Core.so.6 libqt6core6 #MINVER#".
                if (w.size() >= 3 && w[0] == stem && !w[0].startsWith(QLatin1Char('#')))
                    names << w[2];
                else if (w.size() >= 2 && w[0] == soname)
                    names << w[1];
            }
        }
    }
    return names;
}

} // namespace

class TestDebPackage : public QObject {
    Q_OBJECT
    QTemporaryDir work_;
    QString deb_, root_;
    QProcessEnvironment env_;

private slots:
    void initTestCase()
    {
        QVERIFY(work_.isValid());
        deb_ = qEnvironmentVariable("FOLKRNN_DEB");
        if (deb_.isEmpty()) {
            // cpack installs the built programs: they must exist (ninja before ctest).
            for (const char *b : {"folkrnn-cli", "folkrnn-inspector"})
                QVERIFY2(QFileInfo(binary(QLatin1String(b))).isExecutable(), b);
            const auto r = runProcess(QStringLiteral(FOLKRNN_CPACK),
                                      {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                                       QStringLiteral(FOLKRNN_BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"),
                                       work_.filePath(QStringLiteral("cpack"))},
                                      840000);
            QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
            const QStringList debs = QDir(work_.filePath(QStringLiteral("cpack"))).entryList({QStringLiteral("*.deb")});
            QCOMPARE(debs.size(), 1);
            deb_ = work_.filePath(QStringLiteral("cpack/") + debs.front());
        }
        root_ = work_.filePath(QStringLiteral("root"));
        const auto x = runProcess(QStringLiteral(FOLKRNN_DPKG_DEB), {QStringLiteral("-x"), deb_, root_});
        QVERIFY2(x.exitCode == 0, x.err.constData());

        // No model from the environment, no settings of the user's, and a cwd outside the checkout.
        env_ = QProcessEnvironment::systemEnvironment();
        env_.remove(QStringLiteral("FOLKRNN_MODEL"));
        env_.insert(QStringLiteral("XDG_CONFIG_HOME"), work_.filePath(QStringLiteral("config")));
        env_.insert(QStringLiteral("HOME"), work_.filePath(QStringLiteral("home")));
        env_.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QDir().mkpath(work_.filePath(QStringLiteral("cwd")));
    }

    void installsEveryFile()
    {
        const QStringList files{
            QStringLiteral("/usr/bin/folkrnn-cli"),
            QStringLiteral("/usr/bin/folkrnn-inspector"),
            QStringLiteral("/usr/" FOLKRNN_DATADIR "/models/folkrnn-nottingham.h5"),
            QStringLiteral("/usr/" FOLKRNN_DATADIR "/translations/folkrnn-inspector_sv.qm"),
            QStringLiteral("/usr/" FOLKRNN_DATADIR "/translations/folkrnn-inspector_de.qm"),
            QStringLiteral("/usr/share/applications/org.folkrnn.Inspector.desktop"),
            QStringLiteral("/usr/share/metainfo/org.folkrnn.Inspector.metainfo.xml"),
            QStringLiteral("/usr/share/icons/hicolor/scalable/apps/org.folkrnn.Inspector.svg"),
            QStringLiteral("/usr/share/icons/hicolor/48x48/apps/org.folkrnn.Inspector.png"),
            QStringLiteral("/usr/share/icons/hicolor/256x256/apps/org.folkrnn.Inspector.png"),
            QStringLiteral("/usr/share/man/man1/folkrnn-cli.1"),
        };
        for (const QString &f : files)
            QVERIFY2(QFileInfo(root_ + f).isFile() || QFileInfo(root_ + f + QStringLiteral(".gz")).isFile(),
                     qPrintable(f));
        // Nothing of the build or source tree leaks into the package.
        QDirIterator it(root_, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            QVERIFY2(!f.contains(QLatin1String("/tests/")) && !f.endsWith(QLatin1String(".ts")), qPrintable(f));
        }
    }

    void cliRunsFromTheInstallPrefix()
    {
        const QString cli = root_ + QStringLiteral("/usr/bin/folkrnn-cli");
        const QString cwd = work_.filePath(QStringLiteral("cwd"));
        const auto version = runIn(cwd, cli, {QStringLiteral("--version")}, env_);
        QVERIFY2(version.exitCode == 0, version.err.constData());
        QVERIFY2(version.out.contains(FOLKRNN_PACKAGE_VERSION), version.out.constData());

        // info names the file it opened: the installed copy, not the source tree's.
        const auto info = runIn(cwd, cli, {QStringLiteral("info")}, env_);
        QVERIFY2(info.exitCode == 0, info.err.constData());
        const QString installed = QFileInfo(root_ + QStringLiteral("/usr/" FOLKRNN_DATADIR "/models/folkrnn-nottingham.h5"))
                                      .canonicalFilePath();
        QVERIFY2(info.out.startsWith(("file:        " + installed + "\n").toUtf8()), info.out.left(300).constData());

        const auto tune = runIn(cwd, cli, {QStringLiteral("generate"), QStringLiteral("--seed"), QStringLiteral("1")}, env_);
        QVERIFY2(tune.exitCode == 0, tune.err.constData());
        QVERIFY2(tune.out.contains("X:0") && tune.out.contains("K:"), tune.out.constData());
        // The same model as the build tree's, so the same tune.
        if (QFileInfo(binary(QStringLiteral("folkrnn-cli"))).isExecutable()) {
            const auto built = runIn(cwd, binary(QStringLiteral("folkrnn-cli")),
                                     {QStringLiteral("generate"), QStringLiteral("--seed"), QStringLiteral("1")}, env_);
            QCOMPARE(tune.out, built.out);
        }
    }

    // The Python module lands where Debian's python3 looks (dist-packages) and runs from there on the
    // installed model, giving the CLI's tune.
    void pythonModuleImportsFromDistPackages()
    {
#ifndef FOLKRNN_PYTHON_MODULE
        QSKIP("the Python module is not built (pybind11-dev or python3-dev missing)");
#else
        const QString packages = root_ + QStringLiteral("/usr/" FOLKRNN_PYTHON_INSTALL_DIR);
        for (const char *f : {"folkrnn/__init__.py", "folkrnn/__init__.pyi", "folkrnn/py.typed"})
            QVERIFY2(QFileInfo(packages + QLatin1Char('/') + QLatin1String(f)).isFile(), f);
        QVERIFY(!QDir(packages + QStringLiteral("/folkrnn")).entryList({QStringLiteral("_folkrnn*.so")}).isEmpty());
        QProcessEnvironment env = env_;
        env.insert(QStringLiteral("PYTHONPATH"), packages);
        env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        const QString model = root_ + QStringLiteral("/usr/" FOLKRNN_DATADIR "/models/folkrnn-nottingham.h5");
        const auto r = runIn(work_.filePath(QStringLiteral("cwd")), python(),
                             {QStringLiteral("-c"),
                              QStringLiteral("import sys, folkrnn; assert folkrnn.__file__.startswith(sys.argv[2]), folkrnn.__file__; "
                                             "print(folkrnn.Model.open(sys.argv[1]).generate(seed=1, signals=False).text)"),
                              model, packages},
                             env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto cli = runIn(work_.filePath(QStringLiteral("cwd")), root_ + QStringLiteral("/usr/bin/folkrnn-cli"),
                               {QStringLiteral("generate"), QStringLiteral("--seed"), QStringLiteral("1"),
                                QStringLiteral("--format"), QStringLiteral("tokens")},
                               env_);
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        QCOMPARE(r.out, cli.out);
#endif
    }

    void inspectorFindsItsTranslations()
    {
        QProcessEnvironment env = env_;
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        const auto help = runIn(work_.filePath(QStringLiteral("cwd")), root_ + QStringLiteral("/usr/bin/folkrnn-inspector"),
                                {QStringLiteral("--help")}, env);
        QVERIFY2(help.exitCode == 0, help.err.constData());
        // Ours, from <root>/usr/share/folkrnn-inspector/translations.
        QVERIFY2(help.out.contains("Modelldatei (.h5 oder .pkl)."), help.out.constData());
        // Qt's own (qt6-translations-l10n), when installed on this machine.
        if (QFileInfo::exists(QStringLiteral("/usr/share/qt6/translations/qtbase_de.qm")))
            QVERIFY2(help.out.contains("Zeigt Hilfe zu den Kommandozeilenoptionen an."), help.out.constData());
    }

    void dependsNamesEveryLinkedLibrary()
    {
        const auto f = runProcess(QStringLiteral(FOLKRNN_DPKG_DEB), {QStringLiteral("-f"), deb_, QStringLiteral("Depends")});
        QVERIFY2(f.exitCode == 0, f.err.constData());
        const QString depends = QString::fromUtf8(f.out);
        QVERIFY2(!depends.contains(QLatin1String("-dev")), qPrintable(depends));
        QStringList names;
        for (const QString &d : depends.split(QLatin1Char(','), Qt::SkipEmptyParts))
            names << d.trimmed().section(QLatin1Char(' '), 0, 0).section(QLatin1Char(':'), 0, 0);
        for (const char *expected : {"libc6", "libstdc++6", "libqt6core6", "libqt6widgets6", "libqt6svg6"})
            QVERIFY2(names.contains(QLatin1String(expected)), qPrintable(expected + (": " + depends)));

        // Every library the programs link directly (NEEDED, resolved as ldd resolves it).
        static const QRegularExpression line(QStringLiteral("^\\s*(\\S+) => (/\\S+)"), QRegularExpression::MultilineOption);
        for (const char *program : {"folkrnn-cli", "folkrnn-inspector"}) {
            const QString path = root_ + QStringLiteral("/usr/bin/") + QLatin1String(program);
            const auto needed = runProcess(QStringLiteral("objdump"), {QStringLiteral("-p"), path});
            const auto ldd = runProcess(QStringLiteral("ldd"), {path});
            if (needed.exitCode != 0 || ldd.exitCode != 0)
                QSKIP("objdump or ldd missing");
            QHash<QString, QString> resolved;
            for (auto it = line.globalMatch(QString::fromUtf8(ldd.out)); it.hasNext();) {
                const auto m = it.next();
                resolved[m.captured(1)] = m.captured(2);
            }
            // The dynamic loader is listed by its path alone ("/lib64/ld-linux-x86-64.so.2 (0x...)").
            static const QRegularExpression bare(QStringLiteral("^\\s*(/\\S+/([^/\\s]+)) \\(0x"),
                                                 QRegularExpression::MultilineOption);
            for (auto it = bare.globalMatch(QString::fromUtf8(ldd.out)); it.hasNext();) {
                const auto m = it.next();
                resolved.insert(m.captured(2), m.captured(1));
            }
            for (const QString &l : QString::fromUtf8(needed.out).split(QLatin1Char('\n'))) {
                const QString t = l.trimmed();
                if (!t.startsWith(QLatin1String("NEEDED")))
                    continue;
                const QString lib = t.section(QLatin1Char(' '), -1);
                QVERIFY2(resolved.contains(lib), qPrintable(lib + QStringLiteral(" not found by ldd")));
                const QString pkg = owner(resolved[lib]);
                QVERIFY2(!pkg.isEmpty(), qPrintable(resolved[lib] + QStringLiteral(" belongs to no package")));
                bool declared = false;
                for (const QString &d : declaredDependencies(pkg, lib))
                    declared = declared || names.contains(d);
                QVERIFY2(declared,
                         qPrintable(QStringLiteral("%1 links %2 (%3) but Depends lacks it: %4").arg(program, lib, pkg, depends)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDebPackage)
#include "test_deb_package.moc"

// packaging/linux against the programs: each option and argument of `folkrnn-inspector --help`
// appears in folkrnn-inspector.1 (as troff writes it, \-\-name), so a new option cannot ship
// undocumented; groff formats both pages without a warning; the session MIME type compiles
// (update-mime-database) to a glob for *.frnsession, and the desktop entry opens that type.
#include "common/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn::test;

namespace {

QString page(const QString &name)
{
    QFile f(testsDir() + QStringLiteral("/../packaging/linux/") + name);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestLinuxFiles : public QObject {
    Q_OBJECT
    QTemporaryDir home_;

private slots:
    void inspectorPageHasEveryOption()
    {
        const QString man = page(QStringLiteral("folkrnn-inspector.1"));
        QVERIFY(!man.isEmpty());
        // English help whatever the user chose in Preferences: a settings folder of our own.
        QVERIFY(home_.isValid());
        qputenv("XDG_CONFIG_HOME", home_.path().toUtf8());
        qputenv("LANGUAGE", "en");
        const auto help = runProcess(binary(QStringLiteral("folkrnn-inspector")), {QStringLiteral("--help")}, 60000);
        QCOMPARE(help.exitCode, 0);
        const QString text = QString::fromUtf8(help.out);
        static const QRegularExpression option(QStringLiteral("^\\s+(?:-(\\w), )?--([a-z][a-z-]*)"),
                                               QRegularExpression::MultilineOption);
        int options = 0;
        for (auto it = option.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            QString name = m.captured(2);
            const QString troff = QStringLiteral("\\-\\-") + name.replace(QLatin1Char('-'), QStringLiteral("\\-"));
            QVERIFY2(man.contains(troff), qPrintable(m.captured(2) + QStringLiteral(" is not in folkrnn-inspector.1")));
            if (!m.captured(1).isEmpty())
                QVERIFY2(man.contains(QStringLiteral("\\-") + m.captured(1) + QStringLiteral(" \"")),
                         qPrintable(m.captured(1) + QStringLiteral(" (short) is not in folkrnn-inspector.1")));
            ++options;
        }
        QVERIFY2(options >= 17, qPrintable(text)); // the parse found the list
        // The positional argument, in the synopsis and described.
        QVERIFY(text.contains(QLatin1String("[FILE]")));
        QVERIFY(man.contains(QLatin1String("[\\fIFILE\\fR]")));
        QVERIFY(man.contains(QLatin1String(".SH ARGUMENTS\n.TP\n.I FILE\n")));
    }

    void pagesFormatWithoutWarnings_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("cli") << QStringLiteral("folkrnn-cli.1");
        QTest::newRow("inspector") << QStringLiteral("folkrnn-inspector.1");
    }

    void pagesFormatWithoutWarnings()
    {
        QFETCH(QString, name);
        if (QStringLiteral(FOLKRNN_GROFF).isEmpty())
            QSKIP("groff not installed");
        const auto r = runProcess(QStringLiteral(FOLKRNN_GROFF),
                                  {QStringLiteral("-man"), QStringLiteral("-ww"), QStringLiteral("-z"),
                                   testsDir() + QStringLiteral("/../packaging/linux/") + name});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
    }

    void sessionMimeTypeIsRegisteredAndOpened()
    {
        const QString type = QStringLiteral("application/x-folkrnn-session");
        const QString desktop = page(QStringLiteral("org.folkrnn.Inspector.desktop"));
        static const QRegularExpression mimeLine(QStringLiteral("^MimeType=(.*)$"), QRegularExpression::MultilineOption);
        const auto m = mimeLine.match(desktop);
        QVERIFY(m.hasMatch());
        QVERIFY2(m.captured(1).split(QLatin1Char(';')).contains(type), qPrintable(m.captured(1)));
        QVERIFY(page(QStringLiteral("org.folkrnn.Inspector.metainfo.xml"))
                    .contains(QStringLiteral("<mediatype>%1</mediatype>").arg(type)));

        if (QStringLiteral(FOLKRNN_UPDATE_MIME_DATABASE).isEmpty())
            QSKIP("update-mime-database not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("packages"))));
        QVERIFY(QFile::copy(testsDir() + QStringLiteral("/../packaging/linux/org.folkrnn.Inspector.mime.xml"),
                            dir.filePath(QStringLiteral("packages/org.folkrnn.Inspector.xml"))));
        const auto r = runProcess(QStringLiteral(FOLKRNN_UPDATE_MIME_DATABASE), {dir.path()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile globs(dir.filePath(QStringLiteral("globs2")));
        QVERIFY(globs.open(QIODevice::ReadOnly));
        const QByteArray g = globs.readAll();
        QVERIFY2(g.contains(type.toUtf8() + ":*.frnsession"), g.constData());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("application/x-folkrnn-session.xml"))));
    }
};

QTEST_GUILESS_MAIN(TestLinuxFiles)
#include "test_packaging_linux_files.moc"

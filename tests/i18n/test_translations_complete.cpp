// The Swedish and German .ts files are complete: lupdate, run over a copy of the sources and the
// .ts files (so the checkout is untouched), finds no string that is new (missing from a .ts),
// unfinished, or vanished from the sources; every translation keeps its source's placeholders.
// Skips when lupdate (Debian qt6-l10n-tools) is not installed.
#include "common/TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace folkrnn::test;

namespace {

struct Message {
    QString context, source, type;
    QStringList forms; // the translation, or its numerus forms
    bool numerus = false;
};

QList<Message> readTs(const QString &path)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name"))
            context = xml.readElementText();
        else if (name == QLatin1String("message"))
            m = Message{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        else if (name == QLatin1String("source"))
            m.source = xml.readElementText();
        else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!m.numerus) {
                m.forms << xml.readElementText();
                out << m;
            } else {
                while (xml.readNextStartElement())
                    m.forms << xml.readElementText();
                out << m;
            }
        }
    }
    return out;
}

// %1..%99, %n and QProgressBar's %v %m %p as a sorted list: a translation must use the same ones as
// its source.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|[nvmp])"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(file);
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(file, target))
            return false;
    }
    return true;
}

} // namespace

class TestTranslationsComplete : public QObject {
    Q_OBJECT
private slots:
    void tsFilesMatchSources_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("sv") << QStringLiteral("sv");
        QTest::newRow("de") << QStringLiteral("de");
    }

    void tsFilesMatchSources()
    {
        QFETCH(QString, language);
        const QString lupdate = QStringLiteral(FOLKRNN_LUPDATE);
        if (lupdate.isEmpty() || !QFileInfo(lupdate).isExecutable())
            QSKIP("lupdate not installed (Debian package qt6-l10n-tools)");
        const QString root = QStringLiteral(FOLKRNN_SOURCE_ROOT);
        const QString name = QStringLiteral("folkrnn-inspector_%1.ts").arg(language);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        for (const char *dir : {"app/gui", "widgets"})
            QVERIFY2(copyTree(root + QLatin1Char('/') + QLatin1String(dir), tmp.filePath(QLatin1String(dir))), dir);
        QDir().mkpath(tmp.filePath(QStringLiteral("translations")));
        const QString ts = tmp.filePath(QStringLiteral("translations/") + name);
        QVERIFY2(QFile::copy(root + QStringLiteral("/translations/") + name, ts), qPrintable(name));
        const auto before = readTs(ts);
        QVERIFY2(!before.isEmpty(), "the .ts file has no messages");

        // As translations/Translations.cmake runs it, but keeping vanished entries so they show.
        const auto r = runProcess(lupdate, {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-I"),
                                            tmp.path(), QStringLiteral("-I"), tmp.filePath(QStringLiteral("app/gui")),
                                            tmp.filePath(QStringLiteral("app/gui")), tmp.filePath(QStringLiteral("widgets")),
                                            QStringLiteral("-ts"), ts});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        QStringList problems;
        const auto after = readTs(ts);
        for (const Message &m : after) {
            const QString where = QStringLiteral("[%1] \"%2\"").arg(m.context, m.source.left(70));
            if (m.type == QLatin1String("unfinished"))
                problems << QStringLiteral("not translated (new in the sources or unfinished): ") + where;
            else if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
                problems << QStringLiteral("no longer in the sources (obsolete): ") + where;
            else {
                if (m.forms.isEmpty() || m.forms.contains(QString()))
                    problems << QStringLiteral("empty translation: ") + where;
                for (const QString &form : m.forms)
                    if (placeholders(form) != placeholders(m.source))
                        problems << QStringLiteral("placeholders differ (%1 vs %2): ")
                                        .arg(placeholders(form).join(QLatin1Char(' ')),
                                             placeholders(m.source).join(QLatin1Char(' '))) +
                                        where;
                // A menu or button mnemonic in the source needs one in the translation.
                static const QRegularExpression mnemonic(QStringLiteral("&[^&\\s;]"));
                if (m.source.contains(mnemonic) && !m.source.startsWith(QLatin1String("&%")))
                    for (const QString &form : m.forms)
                        if (!form.contains(mnemonic))
                            problems << QStringLiteral("mnemonic & lost: ") + where;
            }
        }
        QVERIFY2(after.size() >= before.size() - problems.size(), "lupdate lost messages");
        if (!problems.isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1: %2 problem(s); run `ninja update_translations` and translate "
                                            "(linguist translations/%1):\n  ")
                                 .arg(name)
                                 .arg(problems.size()) +
                             problems.join(QStringLiteral("\n  "))));
    }

    // The check itself: a .ts that lacks a source string, has an unfinished entry or keeps a
    // vanished one is caught (a test that cannot fail proves nothing).
    void detectsProblems()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QFile ts(tmp.filePath(QStringLiteral("x_de.ts")));
        QVERIFY(ts.open(QIODevice::WriteOnly));
        ts.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n<TS version=\"2.1\" language=\"de_DE\">\n"
                 "<context><name>C</name>\n"
                 "<message><source>Open %1</source><translation type=\"unfinished\"></translation></message>\n"
                 "<message><source>Gone</source><translation type=\"vanished\">Weg</translation></message>\n"
                 "<message numerus=\"yes\"><source>%n unit(s)</source><translation>"
                 "<numerusform>%n Einheit</numerusform><numerusform>Einheiten</numerusform></translation></message>\n"
                 "</context>\n</TS>\n");
        ts.close();
        const auto m = readTs(ts.fileName());
        QCOMPARE(m.size(), 3);
        QCOMPARE(m[0].type, QStringLiteral("unfinished"));
        QCOMPARE(m[1].type, QStringLiteral("vanished"));
        QCOMPARE(m[2].forms.size(), 2);
        QVERIFY(placeholders(m[2].forms[1]) != placeholders(m[2].source));
        QCOMPARE(placeholders(m[2].forms[0]), placeholders(m[2].source));
    }
};

QTEST_GUILESS_MAIN(TestTranslationsComplete)
#include "test_translations_complete.moc"

// ABC -> tokens on the Nottingham Music Database (../shared/data/nottingham, 1,034 real tunes):
// at least 95% of the major/minor/dorian/mixolydian tunes convert; the ABC written back from
// their tokens is accepted by abc2midi and reads back to the same tokens; and abc2midi plays the
// written-back tune as exactly the original's notes moved by the tune's transposition.
#include "AbcCheck.h"
#include "common/TestSupport.h"
#include "core/abc/AbcFile.h"
#include "core/abc/AbcTokenizer.h"
#include "core/abc/TokensToAbc.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>


using namespace folkrnn;

namespace {

struct Converted {
    abc::TuneConversion tune;
    QString source; // the tune's own ABC lines
};

// The lines of the tune starting at 1-based `firstLine`, up to the blank line that ends it.
QString tuneText(const QStringList &lines, int firstLine)
{
    QStringList out;
    for (int i = firstLine - 1; i < lines.size() && !lines[i].trimmed().isEmpty(); ++i)
        out << lines[i];
    return out.join(QLatin1Char('\n'));
}

// The source as abc2midi should play it to compare pitches with ours: without what folk-rnn
// drops and abc2midi would sound (chord-symbol accompaniment, ornaments, ties merging notes,
// part order).
QString playableCore(const QString &tune, int number)
{
    QStringList out;
    bool body = false;
    static const QRegularExpression field(QStringLiteral("^[A-Za-z]:"));
    static const QRegularExpression strings(QStringLiteral("\"[^\"]*\"|![^!]*!"));
    for (QString l : tune.split(QLatin1Char('\n'))) {
        if (l.startsWith(QLatin1String("X:"))) {
            out << QStringLiteral("X:%1").arg(number);
            continue;
        }
        if (l.startsWith(QLatin1String("P:")))
            continue;
        if (!body || field.match(l).hasMatch()) {
            out << l;
            body = body || l.startsWith(QLatin1String("K:"));
            continue;
        }
        l.remove(strings);
        l.remove(QLatin1Char('-'));
        l.remove(QLatin1Char('~'));
        out << l;
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

class TestAbcNottingham : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::vector<Converted> converted;
    int total = 0;
    int inFolkRnnModes = 0;

private slots:
    void initTestCase()
    {
        const QDir data(test::sharedDir() + QStringLiteral("/data/nottingham"));
        const QStringList files = data.entryList({QStringLiteral("*.abc")}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 14);
        for (const QString &name : files) {
            const QString path = data.filePath(name);
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QStringList lines = QString::fromLatin1(f.readAll()).split(QLatin1Char('\n'));
            for (const abc::TuneConversion &t : tokenizeAbcFile(path.toStdString())) {
                ++total;
                const bool otherMode = t.reason.find("is not major, minor, dorian or mixolydian") != std::string::npos;
                inFolkRnnModes += otherMode ? 0 : 1;
                if (!t.converted) {
                    qInfo("skipped %s: %s", t.where.c_str(), t.reason.c_str());
                    continue;
                }
                const int firstLine = std::stoi(t.where.substr(path.toStdString().size() + 1));
                converted.push_back({t, tuneText(lines, firstLine)});
            }
        }
    }

    void conversionRate()
    {
        QCOMPARE(total, 1034);
        const double rate = 100.0 * static_cast<double>(converted.size()) / inFolkRnnModes;
        qInfo("Nottingham: %d tunes, %d in major/minor/dorian/mixolydian, %zu converted (%.2f%%)", total,
              inFolkRnnModes, converted.size(), rate);
        QVERIFY2(rate >= 95.0, qPrintable(QString::number(rate)));
        for (const Converted &c : converted) {
            QCOMPARE(c.tune.tokens[0].substr(0, 2), std::string("M:"));
            QVERIFY(c.tune.tokens[1] == "K:Cmaj" || c.tune.tokens[1] == "K:Cmin" || c.tune.tokens[1] == "K:Cdor" ||
                    c.tune.tokens[1] == "K:Cmix");
        }
    }

    void writtenBackIsValidAndReadsBackTheSame()
    {
        std::vector<std::string> texts;
        for (std::size_t k = 0; k < converted.size(); ++k) {
            AbcWriteOptions o;
            o.number = static_cast<int>(k) + 1;
            o.title = converted[k].tune.title;
            const AbcRendering r = tokensToAbc(converted[k].tune.tokens, o);
            const auto back = abc::tokenizeAbc(r.text, "written");
            QVERIFY(back.size() == 1 && back[0].converted);
            QVERIFY2(back[0].tokens == converted[k].tune.tokens, converted[k].tune.where.c_str());
            texts.push_back(r.text);
        }
        if (test::abc2midiPath().isEmpty())
            QSKIP("abc2midi is not installed (Debian package abcmidi)");
        const auto run = test::runAbc2midi(texts, dir.filePath(QStringLiteral("written")));
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        qInfo("abc2midi accepted %zu of %zu written-back tunes", texts.size() - static_cast<std::size_t>(run.errors.size()),
              texts.size());
        QVERIFY2(run.errors.isEmpty(), qPrintable(run.errors.value(0)));
    }

    // Pitch arithmetic on the whole corpus, judged by abc2midi: the written-back tune sounds the
    // original's notes, each moved by the tune's transposition to C. Left out: tunes with tokens
    // the writer had to escape (their repeats play differently) and sources with ":|:", which
    // abc2midi plays differently from "::".
    void abc2midiHearsTheTransposition()
    {
        if (test::abc2midiPath().isEmpty())
            QSKIP("abc2midi is not installed (Debian package abcmidi)");
        std::vector<std::string> ours, theirs;
        std::vector<const Converted *> compared;
        for (const Converted &c : converted) {
            const int n = static_cast<int>(compared.size()) + 1;
            AbcWriteOptions o;
            o.number = n;
            const AbcRendering r = tokensToAbc(c.tune.tokens, o);
            if (r.escapedCount() > 0 || c.source.contains(QLatin1String(":|:")))
                continue;
            compared.push_back(&c);
            ours.push_back(r.text);
            theirs.push_back(playableCore(c.source, n).toStdString());
        }
        const auto a = test::runAbc2midi(ours, dir.filePath(QStringLiteral("ours")), true);
        const auto b = test::runAbc2midi(theirs, dir.filePath(QStringLiteral("theirs")), true);
        QVERIFY(a.failure.isEmpty() && b.failure.isEmpty());
        int same = 0;
        QStringList differ;
        for (std::size_t k = 0; k < compared.size(); ++k) {
            const int n = static_cast<int>(k) + 1;
            const QVector<int> &x = b.notes[n], &y = a.notes[n];
            bool ok = !x.isEmpty() && x.size() == y.size();
            for (qsizetype i = 0; ok && i < x.size(); ++i)
                ok = y[i] - x[i] == compared[k]->tune.transposition.semitones;
            if (ok)
                ++same;
            else
                differ << QString::fromStdString(compared[k]->tune.where);
        }
        qInfo("abc2midi: %d of %zu compared tunes sound the original transposed exactly", same, compared.size());
        QVERIFY2(differ.isEmpty(), qPrintable(differ.join(QLatin1String(", "))));
        QVERIFY(compared.size() >= 950);
    }
};

QTEST_GUILESS_MAIN(TestAbcNottingham)
#include "test_abc_nottingham.moc"

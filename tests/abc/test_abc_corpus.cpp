// The folk-rnn token corpus reader: the real files of ../shared/data/folk-rnn-samples, line-end
// variants, sample_rnn.py's X: lines, and every kind of bad input refused with a clear message.
#include "common/TestSupport.h"
#include "core/abc/TokenCorpus.h"
#include "core/util/Error.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;

namespace {

QString errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const InputError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

std::string readAll(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll().toStdString();
}

} // namespace

class TestAbcCorpus : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    }

private slots:
    void readsTheRealSamples()
    {
        const QString samples = test::sharedDir() + "/data/folk-rnn-samples/config5-wrepeats-samples.txt";
        const auto tunes = readTokenCorpus(samples.toStdString());
        QCOMPARE(tunes.size(), std::size_t(64));
        for (const TokenTune &t : tunes) {
            QCOMPARE(t.categories.size(), t.tokens.size());
            QCOMPARE(t.categories[0], TokenCategory::Meter);
            QCOMPARE(t.categories[1], TokenCategory::Mode);
            for (TokenCategory c : t.categories)
                QVERIFY(c != TokenCategory::Other);
        }
        QCOMPARE(tunes[0].tokens[0], std::string("M:3/4"));
        QCOMPARE(tunes[0].tokens[2], std::string("=B,"));
        QCOMPARE(tunes[0].line, 1);
        const auto excerpt =
            readTokenCorpus((test::sharedDir() + "/data/folk-rnn-samples/training-data-excerpt.txt").toStdString());
        QCOMPARE(excerpt.size(), std::size_t(6));
        QCOMPARE(excerpt[2].tokens[1], std::string("K:Cdor"));
    }

    void lineEndsAndXLines()
    {
        const std::string lf = "M:4/4\nK:Cmaj\nC D E F | G 2 z 2 |\n\nM:6/8\nK:Cmin\nc 3 B 3 |\n";
        const auto a = parseTokenCorpus(lf, "lf");
        std::string crlf;
        for (char c : lf)
            crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        const auto b = parseTokenCorpus(crlf, "crlf");
        std::string cr = lf;
        std::replace(cr.begin(), cr.end(), '\n', '\r');
        const auto c = parseTokenCorpus(cr, "cr");
        const auto d = parseTokenCorpus("X:0\nM:4/4\nK:Cmaj\nC D E F | G 2 z 2 |\n\n\n  \nX:1\nM:6/8\nK:Cmin\nc 3\nB 3 |", "x");
        QCOMPARE(a.size(), std::size_t(2));
        for (const auto *v : {&b, &c, &d}) {
            QCOMPARE(v->size(), a.size());
            for (std::size_t k = 0; k < a.size(); ++k)
                QCOMPARE((*v)[k].tokens, a[k].tokens);
        }
        QCOMPARE(d[1].line, 9);
    }

    void formatRoundTrips()
    {
        const std::string text = readAll(test::sharedDir() + "/data/folk-rnn-samples/config5-wrepeats-samples.txt");
        const auto tunes = parseTokenCorpus(text, "samples");
        std::vector<std::vector<std::string>> lists;
        for (const auto &t : tunes)
            lists.push_back(t.tokens);
        const std::string out = formatTokenCorpus(lists);
        const auto again = parseTokenCorpus(out, "formatted");
        QCOMPARE(again.size(), tunes.size());
        for (std::size_t k = 0; k < tunes.size(); ++k)
            QCOMPARE(again[k].tokens, tunes[k].tokens);
        // The files themselves are in exactly this format (they end with a blank line).
        QCOMPARE(QString::fromStdString(out).trimmed(), QString::fromStdString(text).trimmed());
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "contains no tunes";
        QTest::newRow("blank") << QByteArray("\n  \n\r\n") << "contains no tunes";
        QTest::newRow("binary") << QByteArray("M:4/4\nK:Cmaj\nC\0\x01\x02", 17) << "binary data at byte 14";
        QTest::newRow("utf16") << QByteArray("\xff\xfeM\0:\0", 6) << "non-ASCII byte at byte 0";
        QTest::newRow("no meter") << QByteArray("K:Cmaj\nC D E\n") << ":1: a tune must start with a meter token";
        QTest::newRow("no mode") << QByteArray("M:4/4\nC D E\n") << ":2: the meter token must be followed by a mode token";
        QTest::newRow("meter only") << QByteArray("M:4/4\n\nM:4/4\nK:Cmaj\n") << ":1: the meter token must be followed";
        QTest::newRow("unknown token") << QByteArray("M:4/4\nK:Cmaj\nC D\nE hello |\n") << ":4: \"hello\" is not a folk-rnn token";
        QTest::newRow("abc text") << QByteArray("X:1\nT:Tune\nM:4/4\nK:G\nGABc|\n") << "is not a folk-rnn token";
        QTest::newRow("x alone") << QByteArray("X:3\n") << "a tune with no tokens";
    }
    void refusesBadInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString path = write(QStringLiteral("bad.txt"), bytes);
        const QString err = errorOf([&] { readTokenCorpus(path.toStdString()); });
        QVERIFY2(err.startsWith(path), qPrintable(err));
        QVERIFY2(err.contains(message), qPrintable(err));
    }

    void refusesMissingFilesAndDirectories()
    {
        const QString missing = dir.filePath(QStringLiteral("nope.txt"));
        QCOMPARE(errorOf([&] { readTokenCorpus(missing.toStdString()); }), missing + ": does not exist");
        QCOMPARE(errorOf([&] { readTokenCorpus(dir.path().toStdString()); }),
                 dir.path() + ": is a directory, not a token corpus file");
    }
};

QTEST_GUILESS_MAIN(TestAbcCorpus)
#include "test_abc_corpus.moc"

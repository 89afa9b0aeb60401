// folkrnn-cli tokenize / detokenize, and user-typed primes given as tokens or as pasted ABC.
#include "AbcCheck.h"
#include "common/TestSupport.h"
#include "core/abc/AbcFile.h"
#include "core/abc/TokenCorpus.h"
#include "core/util/Error.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

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

std::vector<std::vector<std::string>> tokenLists(const std::vector<TokenTune> &tunes)
{
    std::vector<std::vector<std::string>> out;
    for (const auto &t : tunes)
        out.push_back(t.tokens);
    return out;
}

} // namespace

class TestAbcCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString cli;
    QString samples;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    }
    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

private slots:
    void initTestCase()
    {
        cli = test::binary(QStringLiteral("folkrnn-cli"));
        QVERIFY2(QFile::exists(cli), qPrintable(cli));
        samples = test::sharedDir() + QStringLiteral("/data/folk-rnn-samples/config5-wrepeats-samples.txt");
    }

    // detokenize | tokenize gives the corpus back, and abc2midi accepts what detokenize printed.
    void detokenizeThenTokenize()
    {
        const auto abc = test::runProcess(cli, {QStringLiteral("detokenize"), samples});
        QCOMPARE(abc.exitCode, 0);
        QVERIFY(abc.out.startsWith("X:1\nM:3/4\nL:1/8\nK:C\n"));
        const QString abcFile = write(QStringLiteral("samples.abc"), abc.out);
        const QString out = dir.filePath(QStringLiteral("back.txt"));
        const auto tok = test::runProcess(cli, {QStringLiteral("tokenize"), abcFile, QStringLiteral("--out"), out});
        QCOMPARE(tok.exitCode, 0);
        QVERIFY2(tok.err.contains("tokenize: 64 tunes converted, 0 skipped"), tok.err.constData());
        QVERIFY(tok.out.isEmpty());
        QCOMPARE(tokenLists(readTokenCorpus(out.toStdString())), tokenLists(readTokenCorpus(samples.toStdString())));

        if (test::abc2midiPath().isEmpty())
            QSKIP("abc2midi is not installed (Debian package abcmidi)");
        std::vector<std::string> tunes{""};
        for (const QByteArray &line : abc.out.split('\n')) {
            if (line.isEmpty()) {
                if (!tunes.back().empty())
                    tunes.emplace_back();
                continue;
            }
            tunes.back() += line.toStdString() + "\n";
        }
        if (tunes.back().empty())
            tunes.pop_back();
        QCOMPARE(tunes.size(), std::size_t(64));
        const auto run = test::runAbc2midi(tunes, dir.filePath(QStringLiteral("detok")));
        QVERIFY2(run.failure.isEmpty() && run.errors.isEmpty(), qPrintable(run.failure + run.errors.value(0)));
    }

    // Several files, skipped tunes reported one per line with their reason, corpus on stdout.
    void tokenizeReportsSkips()
    {
        const QString good = test::sharedDir() + QStringLiteral("/data/nottingham/xmas.abc");
        const QString mixed = write(QStringLiteral("mixed.abc"),
                                    "X:1\nT:Fine\nM:4/4\nK:Em\nEFGA B2e2|\n\n"
                                    "X:2\nT:Phrygian\nM:4/4\nK:Ephr\nEFGA|\n\n"
                                    "X:3\nT:Voices\nM:4/4\nK:G\nV:1\nG|\n");
        const auto r = test::runProcess(cli, {QStringLiteral("tokenize"), good, mixed});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("tokenize: 14 tunes converted, 2 skipped"), r.err.constData());
        QVERIFY2(r.err.contains("skipped " + mixed.toUtf8() + ":7 (X:2 \"Phrygian\"): mode phrygian (K:EPhr) is not major"),
                 r.err.constData());
        QVERIFY2(r.err.contains("(X:3 \"Voices\"): voices (V:) cannot be said"), r.err.constData());
        const auto tunes = parseTokenCorpus(r.out.toStdString(), "stdout");
        QCOMPARE(tunes.size(), std::size_t(14));
        QCOMPARE(tunes.back().tokens, (std::vector<std::string>{"M:4/4", "K:Cmin", "C", "D", "E", "F", "G", "2", "c", "2", "|"}));
    }

    void errorsExitTwoAndWriteNothing()
    {
        const QString out = write(QStringLiteral("keep.txt"), "M:4/4\nK:Cmaj\nC |\n");
        const QString skipOnly = write(QStringLiteral("skip.abc"), "X:1\nM:4/4\nK:Dloc\nD|\n");
        const QString binary = write(QStringLiteral("bin.abc"), QByteArray("X:1\n\0\0\x01", 7));
        const QString missing = dir.filePath(QStringLiteral("missing.abc"));
        const QString badCorpus = write(QStringLiteral("bad.txt"), "X:1\nT:t\nM:4/4\nK:G\nGABc|\n");
        struct Case {
            QStringList args;
            QString message;
        } cases[] = {
            {{QStringLiteral("tokenize")}, QStringLiteral("give at least one ABC file")},
            {{QStringLiteral("tokenize"), missing, QStringLiteral("--out"), out}, missing + QStringLiteral(": does not exist")},
            {{QStringLiteral("tokenize"), dir.path()}, dir.path() + QStringLiteral(": is a directory")},
            {{QStringLiteral("tokenize"), binary, QStringLiteral("--out"), out}, QStringLiteral("binary data at byte 4")},
            {{QStringLiteral("tokenize"), skipOnly, QStringLiteral("--out"), out}, QStringLiteral("no tune could be converted")},
            {{QStringLiteral("detokenize")}, QStringLiteral("give exactly one corpus file")},
            {{QStringLiteral("detokenize"), missing}, missing + QStringLiteral(": does not exist")},
            {{QStringLiteral("detokenize"), badCorpus}, badCorpus + QStringLiteral(":2: \"T:t\" is not a folk-rnn token")},
        };
        for (const Case &c : cases) {
            const auto r = test::runProcess(cli, c.args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("folkrnn-cli: ") + c.message) ||
                         QString::fromUtf8(r.err).contains(c.message),
                     r.err.constData());
        }
        QCOMPARE(readFile(out), QByteArray("M:4/4\nK:Cmaj\nC |\n")); // untouched
        const QStringList leftovers = QDir(dir.path()).entryList({QStringLiteral(".keep.txt.tmp*")}, QDir::Hidden | QDir::Files);
        QVERIFY(leftovers.isEmpty());
    }

    // A prime typed as tokens or pasted as ABC; tokens the model lacks are named.
    void primesFromTokensOrAbc()
    {
        std::vector<std::string> vocab;
        std::set<std::string> seen;
        for (const auto &t : readTokenCorpus(samples.toStdString()))
            for (const auto &tok : t.tokens)
                if (seen.insert(tok).second)
                    vocab.push_back(tok);
        auto tokensOf = [&](const std::vector<int> &ids) {
            std::vector<std::string> out;
            for (int id : ids)
                out.push_back(vocab[static_cast<std::size_t>(id)]);
            return out;
        };
        using V = std::vector<std::string>;
        QCOMPARE(tokensOf(encodeUserTokens(vocab, "M:4/4 K:Cmaj C D E", "--prime")), (V{"M:4/4", "K:Cmaj", "C", "D", "E"}));
        QCOMPARE(tokensOf(encodeUserTokens(vocab, "M:6/8\nK:Cmaj\nC 2 D |", "prime")), (V{"M:6/8", "K:Cmaj", "C", "2", "D", "|"}));
        QCOMPARE(tokensOf(encodeUserTokens(vocab, "X:1\nT:Pasted\nM:4/4\nL:1/8\nK:G\nGABc d2B2|\n", "prime")),
                 (V{"M:4/4", "K:Cmaj", "c", "d", "e", "f", "g", "2", "e", "2", "|"}));
        QCOMPARE(tokensOf(encodeUserTokens(vocab, "M:4/4\nK:D\nDEF", "prime")), (V{"M:4/4", "K:Cmaj", "C", "D", "E"}));
        QCOMPARE(errorOf([&] { encodeUserTokens(vocab, "M:4/4 K:Cmaj C D c''", "--prime"); }),
                 QStringLiteral("--prime: not in the model's vocabulary: \"c''\""));
        QCOMPARE(errorOf([&] { encodeUserTokens(vocab, "X:1\nM:4/4\nK:C\nCc''^^f|\n", "pasted ABC"); }),
                 QStringLiteral("pasted ABC: not in the model's vocabulary: \"c''\", \"^^f\""));
        QVERIFY(errorOf([&] { encodeUserTokens(vocab, "X:1\nM:4/4\nK:Dphr\nD|\n", "pasted ABC"); })
                    .startsWith(QStringLiteral("pasted ABC: the ABC tune cannot be converted to folk-rnn tokens: mode phrygian")));
        QVERIFY(errorOf([&] { encodeUserTokens(vocab, "X:1\nM:4/4\nK:C\nC|\n\nX:2\nM:4/4\nK:C\nD|\n", "pasted"); })
                    .contains(QStringLiteral("contains 2 ABC tunes")));
    }
};

QTEST_GUILESS_MAIN(TestAbcCli)
#include "test_abc_cli.moc"

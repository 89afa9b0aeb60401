// folkrnn-cli's contract: outputs in each format, and every bad input answered with exactly one
// stderr line and exit status 2, never a crash.
#include "common/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using folkrnn::test::binary;
using folkrnn::test::runProcess;

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString model;

    folkrnn::test::ProcessResult cli(const QStringList &args) { return runProcess(binary("folkrnn-cli"), args, 120000); }

private slots:
    void initTestCase()
    {
        model = QDir(folkrnn::test::testsDir()).filePath("../resources/models/example-random.h5");
        QVERIFY(QFile::exists(model));
    }

    void version()
    {
        auto r = cli({"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("folkrnn-cli "));
    }

    void info()
    {
        auto r = cli({"info", "--model", model});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("layers:      3"));
        QVERIFY(r.out.contains("units:       64 per layer"));
        QVERIFY(r.out.contains("vocabulary:  137 tokens"));
        QVERIFY(r.out.contains("meter (10): M:2/2 M:2/4 M:3/2 M:3/4 M:4/4"));
        QVERIFY(r.out.contains("mode (4):"));
    }

    void formats()
    {
        auto tokens = cli({"generate", "--model", model, "--seed", "5", "--count", "3", "--format", "tokens"});
        QCOMPARE(tokens.exitCode, 0);
        const QList<QByteArray> lines = tokens.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(!tokens.out.contains("<s>") && !tokens.out.contains("</s>"));

        auto abc = cli({"generate", "--model", model, "--seed", "5", "--count", "3", "--format", "abc"});
        QCOMPARE(abc.exitCode, 0);
        QVERIFY(abc.out.startsWith("X:0\n"));
        QVERIFY(abc.out.contains("\nX:2\n"));

        auto json = cli({"generate", "--model", model, "--seed", "5", "--count", "3", "--format", "json"});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray tunes = QJsonDocument::fromJson(json.out).object()["tunes"].toArray();
        QCOMPARE(tunes.size(), 3);
        for (int n = 0; n < 3; ++n) {
            const QJsonObject t = tunes[n].toObject();
            QCOMPARE(t["tokens"].toArray().size(), t["logprobs"].toArray().size());
            QStringList toks;
            for (const auto &v : t["tokens"].toArray())
                if (v.toString() != "</s>")
                    toks << v.toString();
            QCOMPARE(toks.join(' ').toUtf8(), lines[n]); // the same tunes in every format
            for (const auto &lp : t["logprobs"].toArray())
                QVERIFY(lp.toDouble() <= 0.0);
        }
    }

    void primeIsKept()
    {
        auto r = cli({"generate", "--model", model, "--prime", "M:6/8 K:Cdor |:", "--format", "tokens"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("M:6/8 K:Cdor |:"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString m = "MODEL";
        QTest::newRow("no command") << QStringList{"frobnicate"} << "unknown command";
        QTest::newRow("missing model") << QStringList{"generate", "--model", "/nonexistent/x.h5"} << "no such file";
        QTest::newRow("directory model") << QStringList{"info", "--model", "/tmp"} << "directory";
        QTest::newRow("unknown prime token") << QStringList{"generate", "--model", m, "--prime", "M:4/4 Q#"} << "\"Q#\"";
        QTest::newRow("temperature 0") << QStringList{"generate", "--model", m, "--temperature", "0"} << "temperature";
        QTest::newRow("temperature negative") << QStringList{"generate", "--model", m, "--temperature", "-1"} << "temperature";
        QTest::newRow("temperature text") << QStringList{"generate", "--model", m, "--temperature", "warm"} << "not a number";
        QTest::newRow("max length 10^9") << QStringList{"generate", "--model", m, "--max-length", "1000000000"} << "--max-length";
        QTest::newRow("count negative") << QStringList{"generate", "--model", m, "--count", "-1"} << "--count";
        QTest::newRow("count enormous") << QStringList{"generate", "--model", m, "--count", "99999999999"} << "--count";
        QTest::newRow("seed negative") << QStringList{"generate", "--model", m, "--seed", "-1"} << "--seed";
        QTest::newRow("seed too big") << QStringList{"generate", "--model", m, "--seed", "4294967296"} << "--seed";
        QTest::newRow("format") << QStringList{"generate", "--model", m, "--format", "midi"} << "--format";
        // Absurd values of every numeric option (issue 12); nothing is written, nothing runs.
        const QString out = "/nonexistent-dir/never-written";
        QTest::newRow("temperature NaN") << QStringList{"generate", "--model", m, "--temperature", "nan"} << "--temperature";
        QTest::newRow("temperature inf") << QStringList{"generate", "--model", m, "--temperature", "inf"} << "--temperature";
        QTest::newRow("temperature 1e400") << QStringList{"generate", "--model", m, "--temperature", "1e400"} << "--temperature";
        QTest::newRow("count 0") << QStringList{"generate", "--model", m, "--count", "0"} << "--count";
        QTest::newRow("max length 0") << QStringList{"generate", "--model", m, "--max-length", "0"} << "--max-length";
        QTest::newRow("max length negative") << QStringList{"generate", "--model", m, "--max-length", "-5"} << "--max-length";
        QTest::newRow("max length 1e9") << QStringList{"generate", "--model", m, "--max-length", "1e9"} << "--max-length";
        QTest::newRow("seed text") << QStringList{"generate", "--model", m, "--seed", "abc"} << "--seed";
        QTest::newRow("seed fraction") << QStringList{"generate", "--model", m, "--seed", "1.5"} << "--seed";
        QTest::newRow("batch 0") << QStringList{"generate", "--model", m, "--seed-per-tune", "--batch", "0"} << "--batch";
        QTest::newRow("batch 10^9") << QStringList{"generate", "--model", m, "--seed-per-tune", "--batch", "1000000000"} << "--batch";
        QTest::newRow("trace max length 10^9") << QStringList{"trace", "--model", m, "--max-length", "1000000000", "--out", out + ".h5"} << "--max-length";
        QTest::newRow("trace temperature NaN") << QStringList{"trace", "--model", m, "--temperature", "nan", "--out", out + ".h5"} << "--temperature";
        QTest::newRow("trace seed negative") << QStringList{"trace", "--model", m, "--seed", "-1", "--out", out + ".h5"} << "--seed";
        QTest::newRow("render seed too big") << QStringList{"render", "--model", m, "--seed", "99999999999", "--out", out + ".mid"} << "--seed";
        QTest::newRow("render tempo 0") << QStringList{"render", "--model", m, "--tempo", "0", "--out", out + ".mid"} << "--tempo";
        QTest::newRow("render tempo NaN") << QStringList{"render", "--model", m, "--tempo", "nan", "--out", out + ".mid"} << "--tempo";
        QTest::newRow("query seeds overflow") << QStringList{"query", "--model", m, "--units", "1:0", "--seeds", "0-4294967296", "--out", out + ".csv"} << "--seeds";
        QTest::newRow("query seeds reversed") << QStringList{"query", "--model", m, "--units", "1:0", "--seeds", "5-1", "--out", out + ".csv"} << "--seeds";
        QTest::newRow("query max length 10^9") << QStringList{"query", "--model", m, "--units", "1:0", "--seeds", "0-10", "--max-length", "1000000000", "--out", out + ".csv"} << "--max-length";
        QTest::newRow("query threshold NaN") << QStringList{"query", "--model", m, "--units", "1:0", "--seeds", "0-10", "--threshold", "nan", "--out", out + ".csv"} << "--threshold";
        QTest::newRow("unknown option") << QStringList{"generate", "--bogus"} << "bogus";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        args.replaceInStrings("MODEL", model);
        auto r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.crashed);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"

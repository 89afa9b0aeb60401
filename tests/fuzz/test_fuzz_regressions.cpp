// Replays the committed fuzzing corpus (tests/fuzz/corpus/abc/ and tokens/: seeds and every crash,
// hang or runaway allocation the fuzzers found) through the same functions the libFuzzer targets
// call, so each input found once stays a regression test in the normal (gcc) build. A crash fails
// the test by taking the process down; each input must also finish within a few seconds.
#include "FuzzEntries.h"
#include "common/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

using namespace folkrnn;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

void addCorpus(const QString &folder, int &count)
{
    const QDir dir(test::testsDir() + QStringLiteral("/fuzz/corpus/") + folder);
    for (const QString &f : dir.entryList(QDir::Files | QDir::Hidden, QDir::Name)) {
        if (f == QStringLiteral("README.md"))
            continue;
        QTest::addRow("%s/%s", qPrintable(folder), qPrintable(f)) << folder << dir.filePath(f);
        ++count;
    }
}

} // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private slots:
    void replay_data()
    {
        QTest::addColumn<QString>("reader");
        QTest::addColumn<QString>("path");
        int abc = 0, tokens = 0;
        addCorpus(QStringLiteral("abc"), abc);
        addCorpus(QStringLiteral("tokens"), tokens);
        // An empty folder would make this test pass without testing anything.
        QVERIFY2(abc >= 5 && tokens >= 5, "the committed fuzzing corpus is missing");
    }

    void replay()
    {
        QFETCH(QString, reader);
        QFETCH(QString, path);
        const QByteArray bytes = fileBytes(path);
        const auto *data = reinterpret_cast<const std::uint8_t *>(bytes.constData());
        QElapsedTimer clock;
        clock.start();
        if (reader == QStringLiteral("abc"))
            fuzz::abcReader(data, static_cast<std::size_t>(bytes.size()));
        else
            fuzz::tokenCorpusReader(data, static_cast<std::size_t>(bytes.size()));
        // The fuzzers run with -timeout=10 under sanitizers; uninstrumented, anything slow is a hang.
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"

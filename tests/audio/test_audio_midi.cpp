// core/audio's Standard MIDI File writer, read back by an independent reader (Python standard
// library, tests/audio/midi_notes.py) and by abcmidi's mftext; and `folkrnn-cli render`.
#include "AudioTestUtil.h"

#include "common/TestSupport.h"
#include "core/abc/TokenCorpus.h"
#include "core/audio/MidiFile.h"
#include "core/audio/Tempo.h"
#include "core/util/Error.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;
using namespace folkrnn::test;
using audio::Rational;

namespace {

QJsonObject readMidi(const QString &file)
{
    const auto r = runProcess(python(), {testsDir() + "/audio/midi_notes.py", file});
    if (r.exitCode != 0)
        qWarning() << r.err;
    return QJsonDocument::fromJson(r.out).object();
}

std::vector<TokenTune> samples()
{
    return readTokenCorpus((sharedDir() + "/data/folk-rnn-samples/config5-wrepeats-samples.txt").toStdString());
}

} // namespace

class TestAudioMidi : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

    QString path(const QString &name) const { return QDir(dir.path()).filePath(name); }

    folkrnn::test::ProcessResult cli(const QStringList &args) { return runProcess(binary("folkrnn-cli"), args, 120000); }

    void expectUsageError(const QStringList &args, const QByteArray &mention)
    {
        const auto r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!r.crashed, r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(mention), r.err.constData());
    }

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }

    // Every note, the tempo and the meters, read back exactly (ticks of kMidiDivision).
    void readBackByPython()
    {
        const auto tunes = samples();
        int files = 0;
        for (std::size_t n = 0; n < tunes.size(); n += 7) {
            const auto p = audio::performTokens(tunes[n].tokens);
            audio::MidiOptions options;
            options.tempo = 90;
            options.program = 73;
            const QString file = path(QStringLiteral("tune%1.mid").arg(n));
            audio::writeMidiFile(file.toStdString(), p, options);
            const QJsonObject m = readMidi(file);
            QCOMPARE(m["format"].toInt(), 1);
            QCOMPARE(m["tracks"].toInt(), 2);
            QCOMPARE(m["division"].toInt(), audio::kMidiDivision);
            const double usPerQuarter = 1e6 * audio::secondsPerQuarter(p.meterNumerator(), p.meterDenominator(), 90);
            QCOMPARE(m["tempos"].toArray().size(), 1);
            QCOMPARE(m["tempos"][0][1].toInt(), static_cast<int>(std::lround(usPerQuarter)));
            QCOMPARE(m["meters"].toArray().size(), static_cast<qsizetype>(p.meters.size()));
            QCOMPARE(m["meters"][0][1].toInt(), p.meterNumerator());
            QCOMPARE(m["meters"][0][2].toInt(), p.meterDenominator());
            QCOMPARE(m["programs"][0][2].toInt(), 73);
            const QJsonArray notes = m["notes"].toArray();
            QCOMPARE(notes.size(), static_cast<qsizetype>(p.notes.size()));
            for (qsizetype k = 0; k < notes.size(); ++k) {
                const auto &e = p.notes[static_cast<std::size_t>(k)];
                const QJsonArray n = notes[k].toArray();
                QCOMPARE(n[0].toDouble(), e.onset.value() * audio::kMidiDivision);
                QCOMPARE(n[1].toDouble(), e.length.value() * audio::kMidiDivision);
                QCOMPARE(n[2].toInt(), e.key);
                QCOMPARE(n[3].toInt(), 0);
                QCOMPARE(n[4].toInt(), e.velocity);
            }
            QCOMPARE(m["end_tick"].toDouble(), p.duration.value() * audio::kMidiDivision);
            ++files;
        }
        QVERIFY(files >= 9);
    }

    void readBackByMftext()
    {
        const QString mftext = QStandardPaths::findExecutable(QStringLiteral("mftext"));
        if (mftext.isEmpty())
            QSKIP("mftext (Debian package abcmidi) is not installed");
        const auto tunes = samples();
        for (std::size_t n = 0; n < tunes.size(); n += 9) {
            const auto p = audio::performTokens(tunes[n].tokens);
            const QString file = path(QStringLiteral("mf%1.mid").arg(n));
            audio::writeMidiFile(file.toStdString(), p, {});
            const auto r = runProcess(mftext, {file});
            QCOMPARE(r.exitCode, 0);
            const QString text = QString::fromLatin1(r.out);
            QVERIFY2(!text.contains(QLatin1String("rror")), qPrintable(text.left(400)));
            QVERIFY(text.startsWith(QLatin1String("Header format=1 ntrks=2 division=3360")));
            QCOMPARE(text.count(QLatin1String("Track start")), 2);
            QCOMPARE(text.count(QLatin1String("Track end")), 2);
            QCOMPARE(text.count(QLatin1String("Note on")), static_cast<qsizetype>(p.notes.size()));
            QCOMPARE(text.count(QLatin1String("Note off")), static_cast<qsizetype>(p.notes.size()));
            QCOMPARE(text.count(QLatin1String("Tempo,")), 1);
            QCOMPARE(text.count(QLatin1String("Time signature")), static_cast<qsizetype>(p.meters.size()));
            QCOMPARE(text.count(QLatin1String("Key signature")), static_cast<qsizetype>(p.keys.size()));
        }
    }

    // Mid-tune meter and mode tokens become meta events at their times; a 7-tuplet rounds to
    // whole ticks without drifting.
    void metaEventsAndRounding()
    {
        const auto p = perform("M:4/4 K:Cmaj A B c d M:6/8 K:Cdor (7 A B c d e f g | A");
        const QString file = path("meta.mid");
        audio::writeMidiFile(file.toStdString(), p, {});
        const QJsonObject m = readMidi(file);
        const QJsonArray meters = m["meters"].toArray();
        QCOMPARE(meters.size(), 2);
        QCOMPARE(meters[1][0].toInt(), 2 * audio::kMidiDivision);
        QCOMPARE(meters[1][1].toInt(), 6);
        QCOMPARE(meters[1][2].toInt(), 8);
        const QJsonArray notes = m["notes"].toArray();
        QCOMPARE(notes.size(), 12);
        // 7 in the time of 3 eighths: the note after the tuplet starts exactly 3 eighths later.
        QCOMPARE(notes[11][0].toInt(), 2 * audio::kMidiDivision + 3 * audio::kMidiDivision / 2);
        qint64 previousEnd = 2 * audio::kMidiDivision;
        for (int k = 4; k < 11; ++k) {
            QCOMPARE(notes[k][0].toInteger(), previousEnd); // back to back, no gaps or overlaps
            previousEnd = notes[k][0].toInteger() + notes[k][1].toInteger();
        }
    }

    void writeErrors()
    {
        const auto p = perform("M:4/4 K:Cmaj A");
        QVERIFY_THROWS_EXCEPTION(InputError, audio::writeMidiFile("/nonexistent-dir/x.mid", p, {}));
        QVERIFY_THROWS_EXCEPTION(InputError, audio::writeMidiFile(dir.path().toStdString(), p, {}));
    }

    void cliRender()
    {
        const QString corpus = sharedDir() + "/data/folk-rnn-samples/config5-wrepeats-samples.txt";
        auto r = cli({"render", "--tokens", corpus, "--tune", "3", "--out", path("cli.mid"), "--tempo", "100",
                      "--program", "fiddle"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("render: "));
        const auto p = audio::performTokens(samples()[2].tokens);
        const QJsonObject m = readMidi(path("cli.mid"));
        QCOMPARE(m["notes"].toArray().size(), static_cast<qsizetype>(p.notes.size()));
        QCOMPARE(m["programs"][0][2].toInt(), 40);
        QCOMPARE(m["tempos"][0][1].toInt(), 600000); // 4/4 at 100 quarters a minute

        // One ABC tune is accepted too, converted to tokens.
        QFile abc(path("tune.abc"));
        QVERIFY(abc.open(QIODevice::WriteOnly));
        abc.write("X:1\nT:Test\nM:6/8\nL:1/8\nK:G\n|:GAB c2d|e3 d3:|\n");
        abc.close();
        r = cli({"render", "--tokens", path("tune.abc"), "--out", path("abc.mid")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(readMidi(path("abc.mid"))["notes"].toArray().size(), 14); // GAB c2d e3 d3, twice

        // A tune sampled from a model.
        const QString model = testsDir() + "/../resources/models/example-random.h5";
        r = cli({"render", "--model", model, "--seed", "3", "--out", path("model.mid")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFile::exists(path("model.mid")));
    }

    void cliBadInput()
    {
        const QString corpus = sharedDir() + "/data/folk-rnn-samples/config5-wrepeats-samples.txt";
        expectUsageError({"render", "--tokens", corpus}, "--out");
        expectUsageError({"render", "--tokens", corpus, "--out", path("x.mp3")}, ".mid");
        expectUsageError({"render", "--tokens", path("missing.txt"), "--out", path("x.mid")}, "missing.txt");
        expectUsageError({"render", "--tokens", dir.path(), "--out", path("x.mid")}, "directory");
        expectUsageError({"render", "--tokens", corpus, "--tune", "999", "--out", path("x.mid")}, "--tune");
        expectUsageError({"render", "--tokens", corpus, "--seed", "3", "--out", path("x.mid")}, "--seed");
        expectUsageError({"render", "--tokens", corpus, "--tempo", "0", "--out", path("x.mid")}, "--tempo");
        expectUsageError({"render", "--tokens", corpus, "--tempo", "fast", "--out", path("x.mid")}, "--tempo");
        expectUsageError({"render", "--tokens", corpus, "--program", "banjo", "--out", path("x.mid")}, "--program");
        expectUsageError({"render", "--tokens", corpus, "--out", path("x.wav"), "--soundfont", path("none.sf2")},
                         "none.sf2");
        expectUsageError({"render", "--tokens", corpus, "--out", "/nonexistent-dir/x.mid"}, "/nonexistent-dir/x.mid");
        QFile bad(path("bad.txt"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("M:4/4\nK:Cmaj\nA B qq\n");
        bad.close();
        expectUsageError({"render", "--tokens", path("bad.txt"), "--out", path("x.mid")}, "bad.txt");
        QFile silent(path("silent.txt"));
        QVERIFY(silent.open(QIODevice::WriteOnly));
        silent.write("M:4/4\nK:Cmaj\n| z 2 |\n");
        silent.close();
        expectUsageError({"render", "--tokens", path("silent.txt"), "--out", path("x.mid")}, "no notes");
        QVERIFY(!QFile::exists(path("x.mid")));
    }
};

QTEST_GUILESS_MAIN(TestAudioMidi)
#include "test_audio_midi.moc"

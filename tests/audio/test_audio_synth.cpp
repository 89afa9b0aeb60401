// core/audio synthesis (fluidsynth + a General MIDI SoundFont) and the WAV writer: the WAV of a
// tune is read by Python's wave module and measured with numpy (tests/audio/wav_stats.py).
#include "AudioTestUtil.h"

#include "common/TestSupport.h"
#include "core/abc/TokenCorpus.h"
#include "core/audio/Synthesizer.h"
#include "core/audio/Tempo.h"
#include "core/audio/WavFile.h"
#include "core/util/Error.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace folkrnn;
using namespace folkrnn::test;

class TestAudioSynth : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<audio::Synthesizer> synth;

    QJsonObject wavStats(const QString &file)
    {
        const auto r = runProcess(python(), {testsDir() + "/audio/wav_stats.py", file});
        if (r.exitCode != 0)
            qWarning() << r.err;
        return QJsonDocument::fromJson(r.out).object();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        if (audio::findSoundFont().empty())
            QSKIP("no General MIDI SoundFont installed (Debian package timgm6mb-soundfont)");
        if (!pythonHasModules({"numpy", "wave"}))
            QSKIP("Debian's python3-numpy is not installed");
        synth = std::make_unique<audio::Synthesizer>();
        QVERIFY(!synth->soundFont().empty());
    }

    // Non-silent, and exactly as long as the notes: the performance's duration at the tempo.
    void tuneToWav_data()
    {
        QTest::addColumn<int>("tune");
        QTest::addColumn<int>("program");
        QTest::addColumn<double>("tempo");
        QTest::newRow("3/4, piano") << 0 << 0 << 0.0;
        QTest::newRow("4/4 with endings, fiddle") << 2 << 40 << 0.0;
        QTest::newRow("12/8, flute, slow") << 4 << 73 << 60.0;
        QTest::newRow("6/8, whistle") << 7 << 78 << 0.0;
        QTest::newRow("accordion, fast") << 9 << 21 << 200.0;
        QTest::newRow("harp") << 10 << 46 << 0.0;
    }

    void tuneToWav()
    {
        QFETCH(int, tune);
        QFETCH(int, program);
        QFETCH(double, tempo);
        const auto tunes = readTokenCorpus((sharedDir() + "/data/folk-rnn-samples/config5-wrepeats-samples.txt").toStdString());
        const auto p = audio::performTokens(tunes[static_cast<std::size_t>(tune)].tokens);
        const double spq = audio::secondsPerQuarter(p.meterNumerator(), p.meterDenominator(), tempo);
        const audio::Pcm pcm = synth->render(p, spq, program);
        const QString file = QDir(dir.path()).filePath(QStringLiteral("tune%1.wav").arg(tune));
        audio::writeWavFile(file.toStdString(), pcm);
        const QJsonObject s = wavStats(file);
        QCOMPARE(s["rate"].toInt(), 44100);
        QCOMPARE(s["channels"].toInt(), 2);
        QCOMPARE(s["sampwidth"].toInt(), 2);
        const double expected = p.duration.value() * spq;
        const double seconds = s["seconds"].toDouble();
        QVERIFY2(std::abs(seconds - expected) <= 0.01 * expected,
                 qPrintable(QStringLiteral("%1 s for %2 s of notes").arg(seconds).arg(expected)));
        QVERIFY2(s["rms"].toDouble() > 0.01, qPrintable(QStringLiteral("RMS %1").arg(s["rms"].toDouble())));
        // Scaled to a peak of 0.7 of full scale (SynthOptions::peak), whatever the instrument's level.
        QVERIFY2(std::abs(s["peak"].toDouble() - 0.7) < 0.01, qPrintable(QStringLiteral("peak %1").arg(s["peak"].toDouble())));
        qInfo("%s: %.2f s, RMS %.3f, peak %.3f", QTest::currentDataTag(), seconds, s["rms"].toDouble(),
              s["peak"].toDouble());
    }

    void renderIsRepeatable()
    {
        const auto p = perform("M:4/4 K:Cmaj A B c d");
        const auto a = synth->render(p, 0.4, 0);
        const auto b = synth->render(p, 0.4, 0);
        QCOMPARE(a.frames(), static_cast<std::size_t>(std::llround(2 * 0.4 * 44100)));
        QVERIFY(a.samples == b.samples);
    }

    // A long tune renders in parts on several synthesizers at once; their sum sounds as one
    // synthesizer playing it all. Not to the bit: fluidsynth reuses voice objects with a little
    // state left in them (the attack ramp), which differs with the order voices are taken in.
    void partsSumToTheWhole()
    {
        const auto tunes = readTokenCorpus((sharedDir() + "/data/folk-rnn-samples/config5-wrepeats-samples.txt").toStdString());
        const auto p = audio::performTokens(tunes[2].tokens); // 53 s
        audio::SynthOptions one, four;
        one.threads = 1;
        four.threads = 4;
        const audio::Pcm a = audio::Synthesizer(one).render(p, 0.4, 40);
        const audio::Pcm b = audio::Synthesizer(four).render(p, 0.4, 40);
        QCOMPARE(a.samples.size(), b.samples.size());
        int worst = 0;
        double sum = 0, signal = 0;
        for (std::size_t i = 0; i < a.samples.size(); ++i) {
            const int d = int(a.samples[i]) - int(b.samples[i]);
            worst = std::max(worst, std::abs(d));
            sum += double(d) * d;
            signal += double(a.samples[i]) * a.samples[i];
        }
        const double rmsDifference = std::sqrt(sum / double(a.samples.size()));
        const double snr = 10 * std::log10(signal / std::max(sum, 1.0));
        qInfo("parts vs whole: largest difference %d of 32767, RMS difference %.3f, %.0f dB below the music", worst,
              rmsDifference, snr);
        QVERIFY2(snr > 60, "the parts do not add up to the tune");
    }

    void oneNote()
    {
        const audio::Pcm pcm = synth->renderNote(69, 100, 40, 0.3);
        QCOMPARE(pcm.frames(), static_cast<std::size_t>(std::llround(0.7 * 44100)));
        double sum = 0;
        for (auto v : pcm.samples)
            sum += double(v) * v;
        QVERIFY(std::sqrt(sum / double(pcm.samples.size())) > 0.01 * 32768);
    }

    void errors()
    {
        audio::SynthOptions bad;
        bad.soundFont = QDir(dir.path()).filePath("none.sf2").toStdString();
        QVERIFY_THROWS_EXCEPTION(InputError, audio::Synthesizer{bad});
        // A file that is not a SoundFont.
        const QString junk = QDir(dir.path()).filePath("junk.sf2");
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("RIFF not really");
        f.close();
        bad.soundFont = junk.toStdString();
        QVERIFY_THROWS_EXCEPTION(InputError, audio::Synthesizer{bad});
        audio::Pcm pcm;
        QVERIFY_THROWS_EXCEPTION(InputError, audio::writeWavFile(dir.path().toStdString(), pcm));
    }

    void wavHeader()
    {
        audio::Pcm pcm;
        pcm.sampleRate = 22050;
        pcm.channels = 2;
        pcm.samples = {1, -1, 32767, -32768};
        const std::string b = audio::wavFileBytes(pcm);
        QCOMPARE(b.size(), std::size_t(44 + 8));
        QCOMPARE(b.substr(0, 4), std::string("RIFF"));
        QCOMPARE(b.substr(8, 8), std::string("WAVEfmt "));
        QCOMPARE(b.substr(36, 4), std::string("data"));
        QCOMPARE(static_cast<unsigned char>(b[44 + 4]), 0xFF); // 32767 little-endian
        QCOMPARE(static_cast<unsigned char>(b[44 + 5]), 0x7F);
    }

    void cliWav()
    {
        const QString out = QDir(dir.path()).filePath("cli.wav");
        const auto r = runProcess(binary("folkrnn-cli"),
                                  {"render", "--tokens", sharedDir() + "/data/folk-rnn-samples/config5-wrepeats-samples.txt",
                                   "--tune", "2", "--out", out, "--program", "harp"},
                                  120000);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject s = wavStats(out);
        QVERIFY(s["rms"].toDouble() > 0.01);
        QVERIFY(s["seconds"].toDouble() > 5);
    }
};

QTEST_GUILESS_MAIN(TestAudioSynth)
#include "test_audio_synth.moc"

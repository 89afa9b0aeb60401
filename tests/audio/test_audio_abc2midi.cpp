// The independent check of core/audio: for every tune of the folk-rnn samples and every
// Nottingham tune that converts to tokens, the notes (key, onset, length) of our MIDI file equal
// those of the MIDI file abc2midi writes from the ABC this project writes (tokensToAbc) for the
// same tokens. Both files are read by tests/audio/midi_notes.py and compared by
// tests/audio/compare_midi.py (times in quarter notes, so divisions and tempos do not matter).
//
// Tunes that differ are explained or the test fails: the rewrites of Abc2MidiQuirks.h are
// applied one kind after the other; each must leave our notes exactly as they were and, once all
// that apply are made, abc2midi must agree.
#include "Abc2MidiQuirks.h"
#include "AudioTestUtil.h"

#include "common/TestSupport.h"
#include "core/abc/AbcFile.h"
#include "core/abc/TokenCorpus.h"
#include "core/audio/MidiFile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace folkrnn;
using namespace folkrnn::test;

namespace {

using Tokens = std::vector<std::string>;

bool sameNotes(const audio::Performance &a, const audio::Performance &b)
{
    if (a.notes.size() != b.notes.size())
        return false;
    for (std::size_t k = 0; k < a.notes.size(); ++k)
        if (a.notes[k].key != b.notes[k].key || !(a.notes[k].onset == b.notes[k].onset) ||
            !(a.notes[k].length == b.notes[k].length))
            return false;
    return true;
}

} // namespace

class TestAudioAbc2midi : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString abc2midi;

    // Our MIDI and abc2midi's for tunes[k] (numbered k + 1); the compare script's verdict per tune.
    QJsonObject compare(const QString &name, const std::vector<Tokens> &tunes)
    {
        QString folder = name;
        folder.replace(QLatin1Char(' '), QLatin1Char('-')); // the manifest is split on spaces
        QDir d(dir.path());
        d.mkpath(folder);
        d.cd(folder);
        QFile abc(d.filePath("all.abc"));
        if (!abc.open(QIODevice::WriteOnly))
            return {};
        QFile manifest(d.filePath("manifest.txt"));
        if (!manifest.open(QIODevice::WriteOnly))
            return {};
        for (std::size_t k = 0; k < tunes.size(); ++k) {
            const int n = static_cast<int>(k) + 1;
            abc.write(QByteArray::fromStdString(abcForAbc2midi(tunes[k], n)));
            abc.write("\n");
            const QString ours = d.filePath(QStringLiteral("ours%1.mid").arg(n));
            audio::writeMidiFile(ours.toStdString(), audio::performTokens(tunes[k]), {});
            manifest.write(QStringLiteral("%1 %2 %3\n").arg(n).arg(ours, d.filePath(QStringLiteral("all%1.mid").arg(n))).toUtf8());
        }
        abc.close();
        manifest.close();
        QProcess p;
        p.setWorkingDirectory(d.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(abc2midi, {d.filePath("all.abc"), QStringLiteral("-silent")});
        if (!p.waitForFinished(600000))
            return {};
        const auto r = runProcess(python(), {testsDir() + "/audio/compare_midi.py", d.filePath("manifest.txt")});
        if (r.exitCode != 0)
            qWarning() << r.err;
        return QJsonDocument::fromJson(r.out).object()["results"].toObject();
    }

    // Compares a corpus, explains each difference, and reports the match rate.
    void check(const QString &label, const std::vector<Tokens> &tunes, double minimumExactRate)
    {
        QVERIFY(!tunes.empty());
        const QJsonObject first = compare(label, tunes);
        QCOMPARE(first.size(), static_cast<qsizetype>(tunes.size()));
        std::vector<std::size_t> differ;
        for (std::size_t k = 0; k < tunes.size(); ++k)
            if (!first[QString::number(k + 1)].toObject()["match"].toBool())
                differ.push_back(k);
        const std::size_t exact = tunes.size() - differ.size();

        // Rewrite the differing tunes, one kind of quirk after the other, keeping our notes.
        std::vector<Tokens> current;
        std::vector<QStringList> reasons(differ.size());
        for (std::size_t k : differ)
            current.push_back(tunes[k]);
        std::vector<bool> explained(differ.size(), false);
        for (auto rewrite : {&rewriteChordQuirks, &rewriteRepeatStarts}) {
            std::vector<Tokens> next = current;
            for (std::size_t j = 0; j < differ.size(); ++j) {
                if (explained[j])
                    continue;
                const QuirkRewrite r = rewrite(current[j]);
                if (r.quirks.empty())
                    continue;
                QVERIFY2(sameNotes(audio::performTokens(r.tokens), audio::performTokens(tunes[differ[j]])),
                         qPrintable(QStringLiteral("%1 tune %2: a rewrite changed our notes").arg(label).arg(differ[j] + 1)));
                next[j] = r.tokens;
                for (const std::string &q : r.quirks)
                    reasons[j] << QString::fromStdString(q);
            }
            current = next;
            const QJsonObject again = compare(label + QStringLiteral("-rewritten"), current);
            for (std::size_t j = 0; j < differ.size(); ++j)
                if (!reasons[j].isEmpty() && again[QString::number(j + 1)].toObject()["match"].toBool())
                    explained[j] = true;
        }

        QMap<QString, int> byReason;
        QStringList unexplained;
        for (std::size_t j = 0; j < differ.size(); ++j) {
            if (explained[j]) {
                for (const QString &q : reasons[j])
                    ++byReason[q];
            } else {
                unexplained << QStringLiteral("tune %1: %2").arg(differ[j] + 1).arg(QString::fromUtf8(
                    QJsonDocument(first[QString::number(differ[j] + 1)].toObject()).toJson(QJsonDocument::Compact)));
            }
        }
        const double rate = double(exact) / double(tunes.size());
        qInfo("%s: %zu tunes, %zu with the same notes as abc2midi (%.1f%%), %zu explained, %lld unexplained",
              qPrintable(label), tunes.size(), exact, 100.0 * rate, differ.size() - static_cast<std::size_t>(unexplained.size()),
              static_cast<long long>(unexplained.size()));
        for (auto it = byReason.cbegin(); it != byReason.cend(); ++it)
            qInfo("  %d tune(s): %s", it.value(), qPrintable(it.key()));
        QVERIFY2(unexplained.isEmpty(), qPrintable(unexplained.join(QLatin1Char('\n'))));
        QVERIFY2(rate >= minimumExactRate, qPrintable(QStringLiteral("match rate %1").arg(rate)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        abc2midi = QStandardPaths::findExecutable(QStringLiteral("abc2midi"));
        if (abc2midi.isEmpty())
            QSKIP("abc2midi (Debian package abcmidi) is not installed");
    }

    void folkRnnSamples()
    {
        std::vector<Tokens> tunes;
        for (const TokenTune &t :
             readTokenCorpus((sharedDir() + "/data/folk-rnn-samples/config5-wrepeats-samples.txt").toStdString()))
            tunes.push_back(t.tokens);
        QCOMPARE(tunes.size(), std::size_t(64));
        check(QStringLiteral("folk-rnn samples"), tunes, 0.95);
    }

    void nottingham()
    {
        std::vector<Tokens> tunes;
        const QDir data(sharedDir() + "/data/nottingham");
        for (const QString &file : data.entryList({"*.abc"}, QDir::Files, QDir::Name))
            for (const abc::TuneConversion &t : tokenizeAbcFile(data.filePath(file).toStdString()))
                if (t.converted)
                    tunes.push_back(t.tokens);
        QVERIFY(tunes.size() > 900);
        check(QStringLiteral("Nottingham"), tunes, 0.95);
    }
};

QTEST_GUILESS_MAIN(TestAudioAbc2midi)
#include "test_audio_abc2midi.moc"

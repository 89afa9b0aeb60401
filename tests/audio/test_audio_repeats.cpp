// core/audio: repeats and endings played out, and playback time <-> step both ways.
#include "AudioTestUtil.h"

#include "common/TestSupport.h"
#include "core/abc/TokenCorpus.h"
#include "core/audio/StepTime.h"

#include <QtTest>

using namespace folkrnn;
using namespace folkrnn::test;
using audio::Rational;

namespace {

// The token text of each note played, in order: "A B A c".
QString played(const std::string &body)
{
    const auto tokens = splitTokens("M:4/4 K:Cmaj " + body);
    const auto p = audio::performTokens(tokens);
    QStringList out;
    for (const auto &e : p.notes)
        out << QString::fromStdString(tokens[static_cast<std::size_t>(e.token)]);
    return out.join(QLatin1Char(' '));
}

std::vector<Rational> times(std::initializer_list<Rational> list) { return list; }

} // namespace

class TestAudioRepeats : public QObject {
    Q_OBJECT

private slots:
    void playOrder_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("repeat") << "|: A B :| c" << "A B A B c";
        QTest::newRow("two repeats without |:") << "A :| B :| C" << "A A B B C";
        QTest::newRow("endings |1 |2") << "|: A |1 B :| |2 c |" << "A B A c";
        QTest::newRow("endings [1 [2") << "|: A [1 B :| [2 c |" << "A B A c";
        QTest::newRow("::") << "|: A :: B :|" << "A A B B";
        QTest::newRow(":| goes back to the start, past ||") << "A B || C D :| E" << "A B C D A B C D E";
        QTest::newRow("two parts with endings") << "|: A |1 B :| |2 c |: d |1 e :| |2 f |" << "A B A c d e d f";
        // Without "|:", the first repeat goes back to the start, a later one to where the last
        // repeat ended or to a "||" after it (abc2midi reads them so, except after endings, where
        // it goes back to the start: test_audio_abc2midi counts those).
        QTest::newRow("|| after a repeat") << "A :| B || C :| D" << "A A B C C D";
        QTest::newRow("|| before any repeat") << "A || B :| C" << "A B A B C";
        QTest::newRow("|| inside |: :|") << "A :| |: B || C :| D" << "A A B C B C D";
        QTest::newRow("repeat after endings") << "|: A |1 B :| |2 c || d :| e" << "A B A c d d e";
        QTest::newRow("|: after endings") << "A |1 B :| |2 c |: d :| e" << "A B A c d d e";
        // A ":|" inside a second ending is not music (planAbc: abc2midi would play a third time).
        QTest::newRow(":| in a second ending") << "A |1 B :| |2 c | d :| e" << "A B A c d e";
        // A "|:" nothing closes is not music (planAbc): played straight through.
        QTest::newRow("unclosed |:") << "|: A B" << "A B";
        QTest::newRow("no repeats") << "A | B | c" << "A B c";
    }

    void playOrder()
    {
        QFETCH(QString, body);
        QFETCH(QString, expected);
        QCOMPARE(played(body.toStdString()), expected);
    }

    void stepToTimeAndBack()
    {
        //          0     1      2  3 4 5  6 7  8  9 10
        const auto p = perform("M:4/4 K:Cmaj |: A B |1 c :| |2 d |");
        // A step inside the repeat is played on both passes; an ending once.
        QCOMPARE(audio::timesOfStep(p, 3), times({Rational(0), Rational(3, 2)}));
        QCOMPARE(audio::timesOfStep(p, 4), times({Rational(1, 2), Rational(2)}));
        QCOMPARE(audio::timesOfStep(p, 6), times({Rational(1)}));
        QCOMPARE(audio::timesOfStep(p, 9), times({Rational(5, 2)}));
        QCOMPARE(audio::timesOfStep(p, 2), times({Rational(0)}));    // "|:" is passed once
        QCOMPARE(audio::timesOfStep(p, 7), times({Rational(3, 2)})); // ":|" is skipped on the second pass
        QVERIFY(audio::timesOfStep(p, 11).empty());
        QVERIFY(audio::timesOfStep(p, -1).empty());
        // A time maps to the one step sounding then.
        const std::vector<std::pair<double, int>> at{{-1.0, 3}, {0.0, 3},  {0.6, 4}, {1.2, 6}, {1.5, 3},
                                                     {2.2, 4},  {2.5, 9}, {2.99, 9}, {100.0, 9}};
        for (const auto &[t, step] : at)
            QCOMPARE(audio::stepAtTime(p, t), step);
        QCOMPARE(audio::stepAtTime(audio::Performance{}, 0.0), -1);
        // Play from a step: its first pass; a step never played starts at the next one played.
        QCOMPARE(audio::startTimeOfStep(p, 4), Rational(1, 2));
        QCOMPARE(audio::startTimeOfStep(p, 8), Rational(5, 2));
        QCOMPARE(audio::startTimeOfStep(p, 11), p.duration);
        // A loop over steps: from the first one's time while the steps stay in the range.
        const auto span = audio::spanOfSteps(p, 4, 6);
        QCOMPARE(span.begin, Rational(1, 2));
        QCOMPARE(span.end, Rational(3, 2));
        const auto whole = audio::spanOfSteps(p, 0, 10);
        QCOMPARE(whole.begin, Rational(0));
        QCOMPARE(whole.end, p.duration);
    }

    // On every tune of the folk-rnn samples (many with repeats and endings), the two directions
    // agree: each played note, chord or rest is found at its own time and finds that time.
    void bothWaysOnTheSamples()
    {
        const auto tunes = readTokenCorpus((sharedDir() + "/data/folk-rnn-samples/config5-wrepeats-samples.txt").toStdString());
        QVERIFY(tunes.size() >= 60);
        int repeated = 0;
        for (const TokenTune &tune : tunes) {
            const auto p = audio::performTokens(tune.tokens);
            QVERIFY(!p.timeline.empty());
            Rational expectedOnset{0};
            for (const audio::TimedStep &s : p.timeline) {
                QCOMPARE(s.onset, expectedOnset); // back to back
                expectedOnset = s.onset + s.length;
                const double mid = (s.onset + s.length * Rational(1, 2)).value();
                QCOMPARE(audio::stepAtTime(p, mid), s.token);
                QCOMPARE(audio::stepAtTime(p, s.onset.value()), s.token);
                const auto ts = audio::timesOfStep(p, s.token);
                QVERIFY(std::find(ts.begin(), ts.end(), s.onset) != ts.end());
            }
            QCOMPARE(expectedOnset, p.duration);
            for (std::size_t k = 0; k < tune.tokens.size(); ++k) {
                const auto ts = audio::timesOfStep(p, static_cast<int>(k));
                QVERIFY(ts.size() <= 2);
                QVERIFY(std::is_sorted(ts.begin(), ts.end()));
                if (ts.size() == 2 && tune.categories[k] == TokenCategory::Pitch)
                    ++repeated;
                for (const Rational &t : ts) {
                    // The step found at that time is played at that time too.
                    const int s = audio::stepAtTime(p, t.value());
                    if (t < p.duration) {
                        const auto back = audio::timesOfStep(p, s);
                        QVERIFY(std::find(back.begin(), back.end(), t) != back.end());
                    }
                }
            }
            for (const audio::NoteEvent &e : p.notes) {
                const auto ts = audio::timesOfStep(p, e.token);
                QVERIFY(std::find(ts.begin(), ts.end(), e.onset) != ts.end());
            }
        }
        QVERIFY2(repeated > 1000, "the samples' repeats give notes played twice");
    }
};

QTEST_APPLESS_MAIN(TestAudioRepeats)
#include "test_audio_repeats.moc"

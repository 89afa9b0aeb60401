// core/audio: folk-rnn tokens -> timed notes. Each expectation is worked out by hand from the ABC
// standard (L:1/8, so a plain note is half a quarter note) and the folk-rnn token format.
#include "AudioTestUtil.h"

#include "core/audio/Score.h"
#include "core/audio/Tempo.h"

#include <QtTest>

using namespace folkrnn;
using namespace folkrnn::test;
using audio::Rational;

class TestAudioEvents : public QObject {
    Q_OBJECT

private slots:
    void lengths()
    {
        // A, B2, c/2, d3/2, z2, e: 1/2, 1, 1/4, 3/4 quarters, a rest of 1, then 1/2.
        const auto p = perform("M:4/4 K:Cmaj A B 2 c /2 d 3/2 z 2 e");
        QCOMPARE(notesText(p), QStringLiteral("69@0+1/2 71@1/2+1 72@3/2+1/4 74@7/4+3/4 76@7/2+1/2"));
        QCOMPARE(p.duration, Rational(4));
        QCOMPARE(p.timeline.size(), std::size_t(6)); // five notes and the rest
        QCOMPARE(p.timeline[4].token, 9);           // the "z"
        QCOMPARE(p.timeline[4].onset, Rational(5, 2));
        QCOMPARE(p.timeline[4].length, Rational(1));
        // "x" is a rest too.
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj x A")), QStringLiteral("69@1/2+1/2"));
    }

    void brokenRhythm()
    {
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj A > B c")), QStringLiteral("69@0+3/4 71@3/4+1/4 72@1+1/2"));
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj A < B")), QStringLiteral("69@0+1/4 71@1/4+3/4"));
        // Glued to a length: A2>B2 is A3 B1 (eighths).
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj A 2> B 2")), QStringLiteral("69@0+3/2 71@3/2+1/2"));
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj A /2< B /2")), QStringLiteral("69@0+1/8 71@1/8+3/8"));
        // Between chords.
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj [ C E ] > [ D F ]")),
                 QStringLiteral("60@0+3/4 64@0+3/4 62@3/4+1/4 65@3/4+1/4"));
    }

    void tuplets()
    {
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj (3 A B c d")), QStringLiteral("69@0+1/3 71@1/3+1/3 72@2/3+1/3 74@1+1/2"));
        QCOMPARE(notesText(perform("M:6/8 K:Cmaj (2 A B")), QStringLiteral("69@0+3/4 71@3/4+3/4"));
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj (4 A B c d")),
                 QStringLiteral("69@0+3/8 71@3/8+3/8 72@3/4+3/8 74@9/8+3/8"));
        // Each note of a tuplet keeps its own length: (3 A2 B c = 2/3 of A2, B, c.
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj (3 A 2 B c")), QStringLiteral("69@0+2/3 71@2/3+1/3 72@1+1/3"));
        // (5: five in the time of two in simple meters, of three in compound ones.
        QCOMPARE(perform("M:4/4 K:Cmaj (5 A B c d e").notes[1].onset, Rational(1, 5));
        QCOMPARE(perform("M:6/8 K:Cmaj (5 A B c d e").notes[1].onset, Rational(3, 10));
        // A tuplet runs on across a bar line.
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj (3 A B | c d")), QStringLiteral("69@0+1/3 71@1/3+1/3 72@2/3+1/3 74@1+1/2"));
        // The tuplet mark belongs to its first note's step.
        const auto p = perform("M:4/4 K:Cmaj (3 A B c");
        QCOMPARE(p.tokenTimes[2], std::vector<Rational>{Rational(0)});
    }

    void keySignatures()
    {
        // B E A D in each mode of the v2 vocabulary.
        QCOMPARE(keysText(perform("M:4/4 K:Cmaj B E A D")), QStringLiteral("71 64 69 62"));
        QCOMPARE(keysText(perform("M:4/4 K:Cmin B E A D")), QStringLiteral("70 63 68 62"));
        QCOMPARE(keysText(perform("M:4/4 K:Cdor B E A D")), QStringLiteral("70 63 69 62"));
        QCOMPARE(keysText(perform("M:4/4 K:Cmix B E A D")), QStringLiteral("70 64 69 62"));
        // Octaves: C, = 48, c = 72, c' = 84, b' in C minor = 94.
        QCOMPARE(keysText(perform("M:4/4 K:Cmin C, c c' b'")), QStringLiteral("48 72 84 94"));
        const auto p = perform("M:4/4 K:Cdor A");
        QCOMPARE(p.keys.size(), std::size_t(1));
        QCOMPARE(p.keys[0].key.fifths(), -2);
    }

    void accidentalsThroughTheBar()
    {
        // ^F holds for F in its octave until the bar line; f (another octave) keeps the key's.
        QCOMPARE(keysText(perform("M:4/4 K:Cmaj ^F F f | F")), QStringLiteral("66 66 77 65"));
        // A natural in C minor lasts the bar; any bar token ends it.
        QCOMPARE(keysText(perform("M:4/4 K:Cmin B =B B || B =B | B")), QStringLiteral("70 71 71 70 71 70"));
        QCOMPARE(keysText(perform("M:4/4 K:Cmaj _B B |: B :|")), QStringLiteral("70 70 71 71"));
        // A bar token that is not music (an "|:" nothing closes) ends nothing.
        QCOMPARE(keysText(perform("M:4/4 K:Cmaj _B B |: B")), QStringLiteral("70 70 70"));
        // Double accidentals.
        QCOMPARE(keysText(perform("M:4/4 K:Cmaj ^^F __B")), QStringLiteral("67 69"));
    }

    void modeAndMeterChanges()
    {
        // A mode token inside the tune changes the key and cancels the bar's accidentals.
        const auto p = perform("M:4/4 K:Cmaj ^F B K:Cmin F B E | K:Cmaj E");
        QCOMPARE(keysText(p), QStringLiteral("66 71 65 70 63 64"));
        QCOMPARE(p.keys.size(), std::size_t(3));
        QCOMPARE(p.keys[1].onset, Rational(1));
        QCOMPARE(p.keys[1].token, 4);
        // A meter token inside the tune: marked at its time, and compound for later tuplets.
        const auto m = perform("M:4/4 K:Cmaj (5 A B c d e M:6/8 (5 A B c d e");
        QCOMPARE(m.meters.size(), std::size_t(2));
        QCOMPARE(m.meters[1].onset, Rational(1));
        QCOMPARE(m.meters[1].numerator, 6);
        QCOMPARE(m.notes[6].onset, Rational(1) + Rational(3, 10));
        // No meter token: 4/4; no mode token: C major.
        const auto bare = perform("A ^F");
        QCOMPARE(bare.meterNumerator(), 4);
        QCOMPARE(bare.keys.front().key.fifths(), 0);
        QCOMPARE(keysText(bare), QStringLiteral("69 66"));
    }

    void chords()
    {
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj [ C E G ] 2 A")), QStringLiteral("60@0+1 64@0+1 67@0+1 69@1+1/2"));
        // Inner lengths multiplied by the outer one; the chord lasts as long as its first note.
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj [ C 2 E 2 ] 2 D")), QStringLiteral("60@0+2 64@0+2 62@2+1/2"));
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj [ C 2 E ] D")), QStringLiteral("60@0+1 64@0+1/2 62@1+1/2"));
        // A unison sounds once; a held chord note is cut where its key is struck again.
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj [ B, B, ] C")), QStringLiteral("59@0+1/2 60@1/2+1/2"));
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj [ C E 4 ] E")), QStringLiteral("60@0+1/2 64@0+1/2 64@1/2+1/2"));
        // Accidentals inside a chord carry on after it.
        QCOMPARE(keysText(perform("M:4/4 K:Cmaj [ ^F A ] F")), QStringLiteral("66 69 66"));
        // The chord's step is its first pitch.
        const auto p = perform("M:4/4 K:Cmaj [ C E ] 2");
        QCOMPARE(p.timeline.size(), std::size_t(1));
        QCOMPARE(p.timeline[0].token, 3);
        QCOMPARE(p.notes[1].token, 4);
    }

    void ties()
    {
        // No folk-rnn vocabulary has a tie, but a token "-" is honoured where it appears.
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj A 2 - A B")), QStringLiteral("69@0+3/2 71@3/2+1/2"));
        // Across a bar line the tied note keeps its accidental.
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj ^F - | F F")), QStringLiteral("66@0+1 65@1+1/2"));
        // To another pitch it is no tie.
        QCOMPARE(notesText(perform("M:4/4 K:Cmaj A - B")), QStringLiteral("69@0+1/2 71@1/2+1/2"));
    }

    void tokensThatAreNotMusic()
    {
        // <s> and </s>, a stray "]", an unclosed "[" and a length with no note are not played;
        // the tokens around them are, with their own indices.
        const auto p = perform("<s> M:4/4 K:Cmaj ] A [ B | 2 c </s>");
        QCOMPARE(keysText(p), QStringLiteral("69 71 72"));
        QCOMPARE(p.notes[0].token, 4);
        QCOMPARE(p.notes[1].token, 6);
        QCOMPARE(p.notes[2].token, 9);
        QVERIFY(p.tokenTimes[0].empty());
        QVERIFY(p.tokenTimes[3].empty());
        QVERIFY(p.tokenTimes[5].empty());
        QVERIFY(p.tokenTimes[8].empty());
        QVERIFY(p.tokenTimes[10].empty());
        QCOMPARE(p.duration, Rational(3, 2));
        // Nothing to play.
        QVERIFY(perform("M:4/4 K:Cmaj | :|").notes.empty());
        QVERIFY(perform("").notes.empty());
    }

    void stepsOfEveryToken()
    {
        // Lengths and broken-rhythm marks share their note's time; bars mark the time they fall at.
        const auto p = perform("M:6/8 K:Cmaj A 2 > B 2 | c");
        QCOMPARE(p.tokenTimes[0], std::vector<Rational>{Rational(0)}); // M:6/8
        QCOMPARE(p.tokenTimes[3], std::vector<Rational>{Rational(0)}); // 2
        QCOMPARE(p.tokenTimes[4], std::vector<Rational>{Rational(0)}); // >
        QCOMPARE(p.tokenTimes[5], std::vector<Rational>{Rational(3, 2)});
        QCOMPARE(p.tokenTimes[6], std::vector<Rational>{Rational(3, 2)});
        QCOMPARE(p.tokenTimes[7], std::vector<Rational>{Rational(2)}); // |
    }

    void velocities()
    {
        // First note of a bar 100, on a beat (a dotted quarter in 6/8) 90, between beats 80.
        const auto p = perform("M:6/8 K:Cmaj | A B c d e f |");
        QList<int> v;
        for (const auto &e : p.notes)
            v << e.velocity;
        QCOMPARE(v, (QList<int>{100, 80, 80, 90, 80, 80}));
    }

    void tempoSettings()
    {
        QCOMPARE(audio::beatQuarters(6, 8), Rational(3, 2));
        QCOMPARE(audio::beatQuarters(4, 4), Rational(1));
        QCOMPARE(audio::beatQuarters(2, 2), Rational(2));
        QCOMPARE(audio::beatQuarters(3, 8), Rational(1, 2));
        // A jig at 100 dotted quarters a minute: 0.4 s per quarter note.
        QCOMPARE(audio::secondsPerQuarter(6, 8, 100), 0.4);
        QCOMPARE(audio::secondsPerQuarter(4, 4, 0), 60.0 / audio::defaultTempo(4, 4));
        int program = -1;
        QVERIFY(audio::parseProgram("fiddle", program) && program == 40);
        QVERIFY(audio::parseProgram("flute", program) && program == 73);
        QVERIFY(audio::parseProgram("whistle", program) && program == 78);
        QVERIFY(audio::parseProgram("accordion", program) && program == 21);
        QVERIFY(audio::parseProgram("harp", program) && program == 46);
        QVERIFY(audio::parseProgram("piano", program) && program == 0);
        QVERIFY(audio::parseProgram("127", program) && program == 127);
        QVERIFY(!audio::parseProgram("128", program));
        QVERIFY(!audio::parseProgram("-1", program));
        QVERIFY(!audio::parseProgram("banjo", program));
    }
};

QTEST_APPLESS_MAIN(TestAudioEvents)
#include "test_audio_events.moc"

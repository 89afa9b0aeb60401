// ABC -> folk-rnn tokens on hand-written tunes whose tokens were worked out by hand, by pitch
// arithmetic: the tonic goes to C (the nearer octave), each note moves by the same interval, and
// a note gets an accidental exactly when the C-mode key signature (C minor: Bb Eb Ab) and the bar
// do not already give its pitch. Also key parsing and every reason a tune is skipped.
#include "core/abc/AbcTokenizer.h"
#include "core/abc/Pitch.h"
#include "core/abc/Transpose.h"

#include <QtTest>

#include <sstream>

using namespace folkrnn;
using namespace folkrnn::abc;

namespace {

std::string joined(const std::vector<std::string> &tokens)
{
    std::string s;
    for (const auto &t : tokens)
        s += (s.empty() ? "" : " ") + t;
    return s;
}

TuneConversion convertOne(const std::string &abc)
{
    const auto tunes = tokenizeAbc(abc, "hand.abc");
    return tunes.size() == 1 ? tunes[0] : TuneConversion{};
}

} // namespace

class TestAbcTranspose : public QObject {
    Q_OBJECT

private slots:
    void keySignatures_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("signature"); // accidentals of C D E F G A B
        QTest::addColumn<int>("mode");
        QTest::newRow("G") << "G" << "0 0 0 1 0 0 0" << int(Mode::Major);
        QTest::newRow("Bb") << "Bb" << "0 0 -1 0 0 0 -1" << int(Mode::Major);
        QTest::newRow("Am") << "Am" << "0 0 0 0 0 0 0" << int(Mode::Minor);
        QTest::newRow("F#m") << "F#m" << "1 0 0 1 1 0 0" << int(Mode::Minor);
        QTest::newRow("A minor") << "A minor" << "0 0 0 0 0 0 0" << int(Mode::Minor);
        QTest::newRow("EDor") << "EDor" << "1 0 0 1 0 0 0" << int(Mode::Dorian);
        QTest::newRow("D dorian") << "D dorian" << "0 0 0 0 0 0 0" << int(Mode::Dorian);
        QTest::newRow("AMix") << "AMix" << "1 0 0 1 0 0 0" << int(Mode::Mixolydian);
        QTest::newRow("Cmaj") << "Cmaj" << "0 0 0 0 0 0 0" << int(Mode::Major);
        QTest::newRow("Cmin") << "Cmin" << "0 0 -1 0 0 -1 -1" << int(Mode::Minor);
        QTest::newRow("Cdor") << "Cdor" << "0 0 -1 0 0 0 -1" << int(Mode::Dorian);
        QTest::newRow("Cmix") << "Cmix" << "0 0 0 0 0 0 -1" << int(Mode::Mixolydian);
        QTest::newRow("G ionian") << "G ionian" << "0 0 0 1 0 0 0" << int(Mode::Major);
        QTest::newRow("Eaeolian") << "Eaeolian" << "0 0 0 1 0 0 0" << int(Mode::Minor);
        QTest::newRow("DPhr") << "DPhr" << "0 0 -1 0 0 0 -1" << int(Mode::Phrygian);
        QTest::newRow("clef") << "G clef=bass" << "0 0 0 1 0 0 0" << int(Mode::Major);
    }
    void keySignatures()
    {
        QFETCH(QString, field);
        QFETCH(QString, signature);
        QFETCH(int, mode);
        Key key;
        std::string problem;
        QVERIFY2(parseKeyField(field.toStdString(), key, problem), problem.c_str());
        QCOMPARE(int(key.mode), mode);
        std::ostringstream s;
        for (int k = 0; k < 7; ++k)
            s << (k ? " " : "") << key.signature()[static_cast<std::size_t>(k)];
        QCOMPARE(QString::fromStdString(s.str()), signature);
    }

    void keysFolkRnnCannotSay()
    {
        for (const char *f : {"none", "", "HP", "Hp", "D exp ^f _b", "D ^f", "G octave=1", "G transpose=2", "Gx", "H"}) {
            Key key;
            std::string problem;
            QVERIFY2(!parseKeyField(f, key, problem), f);
            QVERIFY(!problem.empty());
        }
    }

    void modeTokensAndAbcKeys()
    {
        const std::pair<const char *, const char *> pairs[] = {
            {"K:Cmaj", "C"}, {"K:Cmin", "Cm"}, {"K:Cdor", "CDor"}, {"K:Cmix", "CMix"}};
        for (const auto &[token, abcKey] : pairs) {
            Key key;
            QVERIFY(parseModeToken(token, key));
            QCOMPARE(abcKeyText(key), std::string(abcKey));
            QCOMPARE(modeToken(key), std::string(token));
            Key back;
            std::string problem;
            QVERIFY(parseKeyField(abcKey, back, problem));
            QCOMPARE(modeToken(back), std::string(token));
        }
        Key key;
        QVERIFY(!parseModeToken("K:C", key));
        QVERIFY(!parseModeToken("K:Cmajor", key));
        QVERIFY(!parseModeToken("M:4/4", key));
    }

    // A G major tune goes up a fourth (nearer than down a fifth): F# -> B, an explicit courtesy
    // ^f stays explicit (=b), =f (F natural) -> Bb, written _b.
    void handTranspositions_data()
    {
        QTest::addColumn<QString>("abc");
        QTest::addColumn<QString>("tokens");
        QTest::newRow("G major") << "X:1\nM:4/4\nK:G\nFGAB f^fd=f|\n" << "M:4/4 K:Cmaj B c d e b =b g _b |";
        // D down a tone; L:1/4 lengths double; C# -> B; e>f keeps its broken rhythm glued to "2".
        QTest::newRow("D major, L:1/4") << "X:2\nM:3/4\nL:1/4\nK:D\nd2 c/d/|e>f g|]\n"
                                        << "M:3/4 K:Cmaj c 4 B c | d 2> e 2 f 2 |";
        // A minor up a minor third: c -> Eb (in C minor's signature, plain), G# -> B natural.
        QTest::newRow("A minor") << "X:3\nM:6/8\nK:Am\nABc ^GAB|\n" << "M:6/8 K:Cmin c d e =B c d |";
        // A dorian (one sharp) up a minor third: F# -> A natural, G -> Bb, both plain in C dorian.
        QTest::newRow("A dorian") << "X:4\nM:4/4\nL:1/8\nK:ADor\nABcd efga|\n" << "M:4/4 K:Cdor c d e f g a b c' |";
        // D mixolydian down a tone: courtesy ^F -> =E, C natural -> Bb (plain in C mix), =c -> _B.
        QTest::newRow("D mixolydian") << "X:5\nM:2/4\nL:1/8\nK:DMix\nDE^FG|c2=c2|\n" << "M:2/4 K:Cmix C D =E F | B 2 _B 2 |";
        // Bb up a tone: A#, (explicit) -> ^B,; the plain A, after it in the bar is still A#, and its
        // B, stays plain because the bar already says ^B,.
        QTest::newRow("Bb, bar accidentals") << "X:6\nM:4/4\nL:1/8\nK:Bb\nB,^A,B,A,|B2zB|\n"
                                             << "M:4/4 K:Cmaj C ^B, C B, | c 2 z c |";
        // Same tonic, new mode: a mode token. New tonic: no token, the pitches carry accidentals
        // (D major's E, F# in C minor: =A, =B).
        QTest::newRow("key changes") << "X:7\nM:4/4\nL:1/8\nK:G\nGABc|[K:Gm]GABc|[K:D]DEFG|\n"
                                     << "M:4/4 K:Cmaj c d e f | K:Cmin c d e f | G =A =B c |";
        // No L: with a meter below 3/4 means 1/16 notes.
        QTest::newRow("default L:1/16") << "X:8\nM:2/4\nK:C\nC2 D E4 F8|\n" << "M:2/4 K:Cmaj C D /2 E 2 F 4 |";
        // Dropped: title, tempo, part, chord symbol, decorations (!trill! ~ . +fermata+), grace
        // notes, slurs, a tie, a comment, a line continuation; kept: tuplet, chord, endings, rests.
        QTest::newRow("what is dropped")
            << "X:9\nT:Drops\nM:6/8\nL:1/8\nQ:1/4=120\nK:C\nP:A\n\"C\"!trill!c2~d {g}e|(3fga (ce)-e % comment\n"
               "|: [CEG]2 .z/ x :|1 c3 :|2 +fermata+d3|]\n"
            << "M:6/8 K:Cmaj c 2 d e | (3 f g a c e e |: [ C E G ] 2 z /2 x :| |1 c 3 :| |2 d 3 |";
        QTest::newRow("meter changes") << "X:23\nM:4/4\nK:C\nCDEF|[M:3/4]CDE|\\\nM:6/8\nCDE FGA|\n"
                                       << "M:4/4 K:Cmaj C D E F | M:3/4 C D E | M:6/8 C D E F G A |";
        // Fields between K: and the first note give the tune's start: the meter is 6/8.
        QTest::newRow("meter before the music") << "X:24\nM:4/4\nK:A\nM:6/8\nP:A\nABc|\n" << "M:6/8 K:Cmaj c d e |";
        QTest::newRow("CRLF, no X:") << "M:4/4\r\nL:1/8\r\nK:Em\r\nEFGA B2e2|\r\n" << "M:4/4 K:Cmin C D E F G 2 c 2 |";
        QTest::newRow("repeat signs") << "X:1\nM:4/4\nK:C\n|:C4 C4::D4 D4:|:E8:||F8|||:G8|]\n"
                                      << "M:4/4 K:Cmaj |: C 4 C 4 :: D 4 D 4 :: E 8 :| F 8 || |: G 8 |";
    }
    void handTranspositions()
    {
        QFETCH(QString, abc);
        QFETCH(QString, tokens);
        const TuneConversion c = convertOne(abc.toStdString());
        QVERIFY2(c.converted, c.reason.c_str());
        QCOMPARE(QString::fromStdString(joined(c.tokens)), tokens);
    }

    void transpositionChoice()
    {
        Key g;
        std::string problem;
        QVERIFY(parseKeyField("G", g, problem));
        // Nearer octave: up a fourth rather than down a fifth.
        QCOMPARE(transpositionToC(g, {7, 9, 11}).semitones, 5);
        QCOMPARE(transpositionToC(g, {7, 9, 11}).steps, 3);
        // ... unless that leaves more notes above g' than going down leaves below C,.
        QCOMPARE(transpositionToC(g, {28, 29, 31}).semitones, -7);
        Key c;
        QVERIFY(parseKeyField("Cm", c, problem));
        QCOMPARE(transpositionToC(c, {-20, -30}).semitones, 0); // C stays where it is
        Key fs;
        QVERIFY(parseKeyField("F#m", fs, problem));
        QCOMPARE(transpositionToC(fs, {6}).semitones, -6); // a tritone either way: down
    }

    // A transposed note that would need a double flat takes the neighbouring letter; an
    // explicit source accidental stays explicit.
    void noDoubleAccidentals()
    {
        Key fs, target;
        std::string problem;
        QVERIFY(parseKeyField("F#", fs, problem));
        Respeller r({-6, -3}, fs.signature(), target.signature());
        int pitch = 0;
        NoteName n;
        QVERIFY(parseNoteName("^e", n)); // E# (17) in F# major, down a tritone: B (11)
        QCOMPARE(noteText(r.spell(n, &pitch)), std::string("=B"));
        QCOMPARE(pitch, 11);
        QVERIFY(parseNoteName("_f", n)); // Fb (16) -> 10: "__c" would be a double flat, so Bb
        QCOMPARE(noteText(r.spell(n, &pitch)), std::string("_B"));
        QCOMPARE(pitch, 10);
        r.newBar();
        QVERIFY(parseNoteName("f", n)); // F# (18) -> 12: c, plain in C major
        QCOMPARE(noteText(r.spell(n, &pitch)), std::string("c"));
        QCOMPARE(pitch, 12);
    }

    void skipsWithReasons_data()
    {
        QTest::addColumn<QString>("abc");
        QTest::addColumn<QString>("reason");
        QTest::newRow("phrygian") << "X:1\nM:4/4\nK:Dphr\nDEF|\n" << "mode phrygian (K:DPhr) is not major, minor, dorian or mixolydian";
        QTest::newRow("lydian") << "X:1\nM:4/4\nK:F lydian\nFGA|\n" << "mode lydian";
        QTest::newRow("no meter") << "X:1\nK:G\nGABc|\n" << "no meter";
        QTest::newRow("free meter") << "X:1\nM:none\nK:G\nGABc|\n" << "M:none (free meter) cannot be said";
        QTest::newRow("no tonic") << "X:1\nM:4/4\nK:none\nC|\n" << "K:none gives no tonic";
        QTest::newRow("pipes") << "X:1\nM:4/4\nK:HP\nG|\n" << "Highland pipes";
        QTest::newRow("explicit key") << "X:1\nM:4/4\nK:D exp ^f\nD|\n" << "explicit key accidentals";
        QTest::newRow("voices") << "X:1\nM:4/4\nK:G\nV:1\nGABc|\n" << "voices (V:) cannot be said";
        QTest::newRow("overlay") << "X:1\nM:4/4\nK:G\nG&A|\n" << "line 4, column 2: voice overlay &";
        QTest::newRow("tuplet p:q:r") << "X:1\nM:4/4\nK:G\n(3:2:2GA|\n" << "line 4, column 1: tuplet (3:2:2 cannot be said";
        QTest::newRow("double dotted") << "X:1\nM:4/4\nK:G\nG>>A|\n" << "broken rhythm >> cannot be said";
        QTest::newRow("multi-measure rest") << "X:1\nM:4/4\nK:G\nZ4|\n" << "multi-measure rest Z";
        QTest::newRow("third ending") << "X:1\nM:4/4\nK:G\n|:G:|[3A|\n" << "variant ending [3 cannot be said";
        QTest::newRow("open chord") << "X:1\nM:4/4\nK:G\nG [GB|\n" << "bar line inside a chord";
        QTest::newRow("no key") << "X:1\nT:t\nM:4/4\n" << "no K: field";
        QTest::newRow("microtone") << "X:1\nM:4/4\nK:G\nG^3/2A|\n" << "microtonal accidental";
        QTest::newRow("stray number") << "X:1\nM:4/4\nK:G\nG | 2 A|\n" << "number 2 not after a note";
        QTest::newRow("unknown letter") << "X:1\nM:4/4\nK:G\nG R A|\n" << "unrecognised character 'R'";
        QTest::newRow("odd L:") << "X:1\nM:4/4\nL:eighth\nK:G\nG|\n" << "L:eighth is not a note length";
        QTest::newRow("compound meter") << "X:1\nM:2+3/8\nK:G\nG|\n" << "M:2+3/8 cannot be said";
        QTest::newRow("odd meter") << "X:1\nM:6/18\nK:G\nG|\n" << "M:6/18 cannot be said";
    }
    void skipsWithReasons()
    {
        QFETCH(QString, abc);
        QFETCH(QString, reason);
        const TuneConversion c = convertOne(abc.toStdString());
        QVERIFY(!c.converted);
        QVERIFY(c.tokens.empty());
        QVERIFY2(QString::fromStdString(c.reason).contains(reason), c.reason.c_str());
        QVERIFY(c.where.rfind("hand.abc:1", 0) == 0);
    }
};

QTEST_GUILESS_MAIN(TestAbcTranspose)
#include "test_abc_transpose.moc"

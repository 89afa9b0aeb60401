// Annotation tracks (core/analysis/AnnotationTracks.h) against bars counted by hand in tunes of
// ../shared/data/folk-rnn-samples/: bar numbers with an anacrusis, the length of every bar,
// the time of notes after broken rhythms, semiquavers and triplets, parts from repeats, first and
// second endings; plus the annotation keys the queries use.
#include "common/TestSupport.h"
#include "core/abc/TokenCategory.h"
#include "core/abc/TokenCorpus.h"
#include "core/analysis/AnnotationKey.h"
#include "core/analysis/AnnotationTracks.h"
#include "core/util/Error.h"

#include <QtTest>

#include <cmath>
#include <sstream>

using namespace folkrnn;
using namespace folkrnn::analysis;

namespace {

std::vector<std::string> tuneOf(const QString &file, int number)
{
    const auto tunes = readTokenCorpus((test::sharedDir() + "/data/folk-rnn-samples/" + file).toStdString());
    return tunes.at(static_cast<std::size_t>(number - 1)).tokens;
}

std::vector<std::string> split(const std::string &text)
{
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string t; in >> t;)
        out.push_back(t);
    return out;
}

// The time and bar number of every bar-line token, in order.
std::vector<double> barLineTimes(const AnnotationTracks &a)
{
    std::vector<double> v;
    for (int t = 0; t < a.steps(); ++t)
        if (a.barLine[static_cast<std::size_t>(t)])
            v.push_back(a.barTime[static_cast<std::size_t>(t)]);
    return v;
}
std::vector<int> barLineBars(const AnnotationTracks &a)
{
    std::vector<int> v;
    for (int t = 0; t < a.steps(); ++t)
        if (a.barLine[static_cast<std::size_t>(t)])
            v.push_back(a.bar[static_cast<std::size_t>(t)]);
    return v;
}

// Index of the n-th (from 1) token equal to `text` at or after `from`.
int find(const std::vector<std::string> &tokens, const std::string &text, int n = 1, int from = 0)
{
    for (int t = from; t < static_cast<int>(tokens.size()); ++t)
        if (tokens[static_cast<std::size_t>(t)] == text && --n == 0)
            return t;
    return -1;
}

std::vector<double> repeated(double v, int n) { return std::vector<double>(static_cast<std::size_t>(n), v); }
template <class T> std::vector<T> concat(std::vector<T> a, const std::vector<T> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}
std::vector<int> range(int a, int b)
{
    std::vector<int> v;
    for (int k = a; k <= b; ++k)
        v.push_back(k);
    return v;
}

} // namespace

class TestQueryAnnotations : public QObject {
    Q_OBJECT
private slots:
    // Samples tune 1 (M:3/4): "=B, 2 |" is a two-eighth anacrusis (bar 0), then 8 bars ending
    // with a short "c 4 :|", a "c G |" lead-in to the second strain (bar 9), 8 more bars.
    void anacrusisAndTwoStrains()
    {
        const auto tokens = tuneOf("config5-wrepeats-samples.txt", 1);
        const AnnotationTracks a = annotateTokens(tokens);
        QCOMPARE(a.steps(), static_cast<int>(tokens.size()));
        // Header: meter and mode are outside the body.
        QCOMPARE(a.inBody[0], char(0));
        QCOMPARE(a.inBody[1], char(0));
        QCOMPARE(a.bar[0], -1);
        QCOMPARE(a.barPosition[1], -1);
        QVERIFY(std::isnan(a.barTime[0]));
        QCOMPARE(a.barLength[2], 6.0);

        const std::vector<double> times =
            concat(concat(concat(std::vector<double>{2}, repeated(6, 7)), std::vector<double>{4, 2}),
                   concat(repeated(6, 7), std::vector<double>{3}));
        QCOMPARE(barLineTimes(a), times);
        QCOMPARE(barLineBars(a), range(0, 17));
        QCOMPARE(a.bar[2], 0); // =B, of the anacrusis
        QCOMPARE(a.bar.back(), 17);

        // Bar 10: "F E D 2 E C |" -> onsets 0 1 2 (2) 4 5, bar line at 6; positions 0..6.
        const int F = find(tokens, "|", 9) + 1;
        QCOMPARE(tokens[static_cast<std::size_t>(F)], std::string("F"));
        const std::vector<double> onsets{0, 1, 2, 2, 4, 5, 6};
        for (int k = 0; k < 7; ++k) {
            QCOMPARE(a.barTime[static_cast<std::size_t>(F + k)], onsets[static_cast<std::size_t>(k)]);
            QCOMPARE(a.barPosition[static_cast<std::size_t>(F + k)], k);
            QCOMPARE(a.bar[static_cast<std::size_t>(F + k)], 10);
        }

        // Parts: the first strain up to ":|", the second from the "c" after it; both repeated.
        const int repeatEnd = find(tokens, ":|");
        QCOMPARE(a.part[2], 1);
        QCOMPARE(a.part[static_cast<std::size_t>(repeatEnd)], 1);
        QCOMPARE(a.part[static_cast<std::size_t>(repeatEnd + 1)], 2);
        QCOMPARE(a.part.back(), 2);
        for (int t = 2; t < a.steps(); ++t)
            QCOMPARE(a.inRepeat[static_cast<std::size_t>(t)], char(1));
        for (int t = 0; t < a.steps(); ++t)
            QCOMPARE(a.ending[static_cast<std::size_t>(t)], 0);
    }

    // Samples tune 3 (M:4/4): "|: ... |1 ... :| |2 ... |: ... :|": 17 full bars, first and second
    // endings, the second strain opened by "|:".
    void endings()
    {
        const auto tokens = tuneOf("config5-wrepeats-samples.txt", 3);
        const AnnotationTracks a = annotateTokens(tokens);
        // Bar lines: the leading "|:" (empty, bar 1), "|" x6, "|1", ":|", "|2" (empty, bar 9),
        // "|:", "|" x7, ":|".
        std::vector<double> times = concat(std::vector<double>{0}, repeated(8, 8));
        times = concat(times, std::vector<double>{0, 8});
        times = concat(times, repeated(8, 8));
        QCOMPARE(barLineTimes(a), times);
        QCOMPARE(barLineBars(a), concat(concat(std::vector<int>{1}, range(1, 8)), concat(std::vector<int>{9}, range(9, 17))));
        QCOMPARE(a.bar.back(), 17);

        const int e1 = find(tokens, "|1"), close = find(tokens, ":|"), e2 = find(tokens, "|2"),
                  open2 = find(tokens, "|:", 2), last = static_cast<int>(tokens.size()) - 1;
        QCOMPARE(a.ending[static_cast<std::size_t>(e1 - 1)], 0);
        for (int t = e1; t <= close; ++t)
            QCOMPARE(a.ending[static_cast<std::size_t>(t)], 1);
        for (int t = e2; t < open2; ++t)
            QCOMPARE(a.ending[static_cast<std::size_t>(t)], 2);
        QCOMPARE(a.ending[static_cast<std::size_t>(open2)], 0);
        // The second ending is part 1 (the second time through), not a new strain.
        QCOMPARE(a.part[static_cast<std::size_t>(e2 + 1)], 1);
        QCOMPARE(a.part[static_cast<std::size_t>(open2 - 1)], 1);
        QCOMPARE(a.part[static_cast<std::size_t>(open2)], 2);
        QCOMPARE(a.part[static_cast<std::size_t>(last)], 2);
        // Repeated: "|:" .. ":|" (first ending included), then "|:" .. the last ":|"; the second
        // ending is played after the repeat and is not inside it.
        QCOMPARE(a.inRepeat[2], char(1));
        QCOMPARE(a.inRepeat[static_cast<std::size_t>(close)], char(1));
        for (int t = e2; t < open2; ++t)
            QCOMPARE(a.inRepeat[static_cast<std::size_t>(t)], char(0));
        QCOMPARE(a.inRepeat[static_cast<std::size_t>(open2)], char(1));
        QCOMPARE(a.inRepeat[static_cast<std::size_t>(last)], char(1));
    }

    // Samples tune 4: "|: D |" is a one-eighth anacrusis; the second strain starts at the "G"
    // lead-in after ":|" and has no repeat sign; its last bar "G E D E C 2 |" is 6 eighths.
    void leadInAndUnrepeatedStrain()
    {
        const auto tokens = tuneOf("config5-wrepeats-samples.txt", 4);
        const AnnotationTracks a = annotateTokens(tokens);
        QCOMPARE(barLineTimes(a), concat(concat(std::vector<double>{0, 1, 8, 8, 8, 7, 1}, repeated(8, 7)),
                                         std::vector<double>{6}));
        QCOMPARE(barLineBars(a), concat(std::vector<int>{0}, range(0, 13)));
        const int close = find(tokens, ":|");
        QCOMPARE(a.part[static_cast<std::size_t>(close)], 1);
        QCOMPARE(a.part[static_cast<std::size_t>(close + 1)], 2); // "G"
        QCOMPARE(a.bar[static_cast<std::size_t>(close + 1)], 5);
        QCOMPARE(a.inRepeat[static_cast<std::size_t>(close)], char(1));
        QCOMPARE(a.inRepeat[static_cast<std::size_t>(close + 1)], char(0));
        QCOMPARE(a.inRepeat.back(), char(0));
    }

    // Samples tune 7, bar 3: "G B F B (3 G A B c B |" -> the triplet's notes at 4, 4 2/3, 5 1/3.
    void triplets()
    {
        const auto tokens = tuneOf("config5-wrepeats-samples.txt", 7);
        const AnnotationTracks a = annotateTokens(tokens);
        const int tuplet = find(tokens, "(3");
        QCOMPARE(a.bar[static_cast<std::size_t>(tuplet)], 3);
        const std::vector<double> want{4, 4, 4 + 2.0 / 3, 4 + 4.0 / 3, 6, 7, 8};
        for (int k = 0; k < 7; ++k)
            QVERIFY2(std::abs(a.barTime[static_cast<std::size_t>(tuplet + k)] - want[static_cast<std::size_t>(k)]) < 1e-12,
                     qPrintable(QString("token %1").arg(k)));
        QCOMPARE(a.barEighth(tuplet + 2), 4);
        QCOMPARE(a.barEighth(tuplet + 3), 5);
        for (double t : barLineTimes(a))
            QVERIFY(t == 8.0 || t == 0.0);
    }

    // Training excerpt tune 3 (M:6/8): "/2" semiquavers and "2<" broken rhythms add up to full
    // bars; 32 bars closed, the last "B G B" is bar 33.
    void semiquaversAndBrokenRhythm()
    {
        const auto tokens = tuneOf("training-data-excerpt.txt", 3);
        const AnnotationTracks a = annotateTokens(tokens);
        QCOMPARE(barLineTimes(a), repeated(6, 32));
        QCOMPARE(barLineBars(a), range(1, 32));
        QCOMPARE(a.bar.back(), 33);
        QCOMPARE(a.barTime.back(), 2.0);
        QCOMPARE(a.part.back(), 1);
        // Bar 7: "F G B B G /2 _A /2 B |".
        const int b7 = find(tokens, "|", 6) + 1;
        const std::vector<double> bar7{0, 1, 2, 3, 4, 4, 4.5, 4.5, 5, 6};
        for (int k = 0; k < 10; ++k)
            QCOMPARE(a.barTime[static_cast<std::size_t>(b7 + k)], bar7[static_cast<std::size_t>(k)]);
        // Bar 17: "F G B 2< f 2 |": B halved, f one and a half times as long.
        const int b17 = find(tokens, "|", 16) + 1;
        const std::vector<double> bar17{0, 1, 2, 2, 3, 3, 6};
        for (int k = 0; k < 7; ++k)
            QCOMPARE(a.barTime[static_cast<std::size_t>(b17 + k)], bar17[static_cast<std::size_t>(k)]);
        QCOMPARE(a.category[static_cast<std::size_t>(b17 + 3)], static_cast<int>(TokenCategory::Duration));
        int h = 0;
        QVERIFY(pitchHeight("f", h));
        QCOMPARE(a.pitch[static_cast<std::size_t>(b17 + 4)], h);
        QCOMPARE(a.pitch[static_cast<std::size_t>(b17 + 3)], kNoPitch);
    }

    // Chords, a standalone ">", a meter change, "::" and "[2" endings (written by hand).
    void chordsMeterChangeAndDoubleRepeat()
    {
        const auto tokens = split("<s> M:4/4 K:Cmaj [ C 2 E 2 ] G 2 [ c e ] 2 G > A | B 8 :: M:3/4 c 6 | d 6 :| [2 e 6 || f 6 </s>");
        const AnnotationTracks a = annotateTokens(tokens);
        // Bar 1: chord 2 + G 2 + chord 2 + G dotted (1.5) + A (0.5) = 8.
        QCOMPARE(a.barTime[3], 0.0);                  // "["
        QCOMPARE(a.barTime[8], 0.0);                  // "]"
        QCOMPARE(a.barTime[9], 2.0);                  // "G"
        QCOMPARE(a.barTime[11], 4.0);                 // "["
        QCOMPARE(a.barTime[15], 4.0);                 // "2" after "]": the chord's length
        QCOMPARE(a.barTime[16], 6.0);                 // "G"
        QCOMPARE(a.barTime[17], 6.0);                 // ">"
        QCOMPARE(a.barTime[18], 7.5);                 // "A"
        QCOMPARE(a.barTime[19], 8.0);                 // "|"
        QCOMPARE(barLineTimes(a), (std::vector<double>{8, 8, 6, 6, 6}));
        QCOMPARE(barLineBars(a), (std::vector<int>{1, 2, 3, 4, 5}));
        QCOMPARE(a.barLength[22], 8.0);               // "::" closes a 4/4 bar
        QCOMPARE(a.barLength[24], 6.0);               // after M:3/4
        QCOMPARE(a.bar[24], 3);
        QCOMPARE(a.bar.back(), -1);
        QCOMPARE(a.bar[35], 6);
        // "::" ends part 1 and starts part 2; "[2" after ":|" stays in part 2; "||" starts part 3.
        QCOMPARE(a.part[19], 1);
        QCOMPARE(a.part[22], 1);
        QCOMPARE(a.part[23], 2); // the meter change belongs to the new part
        const int e2 = find(tokens, "[2");
        QCOMPARE(a.part[static_cast<std::size_t>(e2)], 2);
        QCOMPARE(a.ending[static_cast<std::size_t>(e2)], 2);
        QCOMPARE(a.ending[static_cast<std::size_t>(e2 + 3)], 2); // "||"
        QCOMPARE(a.part[static_cast<std::size_t>(e2 + 4)], 3);   // "f"
        QCOMPARE(a.ending[static_cast<std::size_t>(e2 + 4)], 0);
        // Repeats: the first section (from its first note) to "::", the second from "::" to ":|".
        for (int t = 3; t <= find(tokens, ":|"); ++t)
            QCOMPARE(a.inRepeat[static_cast<std::size_t>(t)], char(1));
        QCOMPARE(a.inRepeat[static_cast<std::size_t>(e2)], char(0));
        // <s> and </s> are outside the body.
        QCOMPARE(a.inBody.front(), char(0));
        QCOMPARE(a.inBody.back(), char(0));
        QCOMPARE(a.part.back(), 0);
    }

    void annotationKeys()
    {
        const std::vector<std::string> vocab{"<s>", "</s>", "|", ":|", "C,", "M:4/4"};
        const auto key = [&](const char *text) { return parseAnnotationKey(text, vocab, "--target"); };
        QCOMPARE(key("bar-line"), (AnnotationKey{AnnotationTrack::BarLine, 1}));
        QCOMPARE(key("token::|"), (AnnotationKey{AnnotationTrack::Token, 3}));
        QCOMPARE(key("token:C,"), (AnnotationKey{AnnotationTrack::Token, 4}));
        QCOMPARE(key("category:measure"), (AnnotationKey{AnnotationTrack::Category, static_cast<int>(TokenCategory::Measure)}));
        QCOMPARE(key("bar-position:8"), (AnnotationKey{AnnotationTrack::BarPosition, 8}));
        QCOMPARE(key("repeat:no"), (AnnotationKey{AnnotationTrack::Repeat, 0}));
        for (const char *text : {"bar-line", "token::|", "token:C,", "category:pitch", "part:2", "pitch:-12"})
            QCOMPARE(formatAnnotationKey(key(text), vocab), std::string(text));
        for (const char *bad : {"bars", "token:zz", "category:tune", "bar-position", "bar-position:x", "part:1.5"}) {
            bool threw = false;
            try {
                key(bad);
            } catch (const InputError &e) {
                threw = QString(e.what()).startsWith("--target: ");
            }
            QVERIFY2(threw, bad);
        }
        // Values per step: outside the body the musical tracks say nothing.
        const AnnotationTracks a = annotateTokens(split("M:4/4 K:Cmaj C D | E"));
        QCOMPARE(annotationValue(a, AnnotationTrack::BarPosition, 0), kNoAnnotation);
        QCOMPARE(annotationValue(a, AnnotationTrack::Category, 0), static_cast<int>(TokenCategory::Meter));
        QCOMPARE(annotationValue(a, AnnotationTrack::BarLine, 4), 1);
        QCOMPARE(annotationValue(a, AnnotationTrack::BarPosition, 4), 2);
        QCOMPARE(annotationValue(a, AnnotationTrack::BarEighth, 4), 2);
        QCOMPARE(annotationValue(a, AnnotationTrack::Pitch, 2), 0);
        QCOMPARE(annotationValue(a, AnnotationTrack::Token, 2), kNoAnnotation); // annotated from text
    }
};

QTEST_GUILESS_MAIN(TestQueryAnnotations)
#include "test_query_annotations.moc"

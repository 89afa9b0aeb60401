// Tokens -> ABC: the exact text for a hand-made stream, token spans, every tune of the real
// folk-rnn samples read back to the same tokens, and every ABC text written here (samples,
// hand-made, several hundred mutated and random streams) accepted by abc2midi.
#include "AbcCheck.h"
#include "common/TestSupport.h"
#include "core/abc/AbcTokenizer.h"
#include "core/abc/TokenCorpus.h"
#include "core/abc/TokensToAbc.h"

#include <QTemporaryDir>
#include <QtTest>

#include <random>
#include <sstream>

using namespace folkrnn;

namespace {

std::vector<std::string> split(const std::string &s)
{
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string t; in >> t;)
        out.push_back(t);
    return out;
}

// The tokens tokenizeAbc reads back from an ABC text, or a message.
std::vector<std::string> readBack(const std::string &abc, std::string &problem)
{
    const auto tunes = abc::tokenizeAbc(abc, "written");
    if (tunes.size() != 1) {
        problem = std::to_string(tunes.size()) + " tunes read back";
        return {};
    }
    if (!tunes[0].converted)
        problem = tunes[0].reason;
    return tunes[0].tokens;
}

std::vector<TokenTune> sampleTunes()
{
    std::vector<TokenTune> all;
    for (const char *f : {"config5-wrepeats-samples.txt", "training-data-excerpt.txt"}) {
        const auto t = readTokenCorpus((test::sharedDir() + "/data/folk-rnn-samples/" + f).toStdString());
        all.insert(all.end(), t.begin(), t.end());
    }
    return all;
}

// Streams a sampler at high temperature could produce: real tunes with tokens inserted, deleted
// and replaced, weighted random draws from the tokens of the samples plus some rarer ones, and
// tangles of bars, repeats and endings.
std::vector<std::vector<std::string>> fuzzStreams(const std::vector<TokenTune> &samples, int count, unsigned seed)
{
    std::vector<std::string> pool{"/3", "/4", "/8", "3/4", "5/2", "7/2", "2>", "/2>", "/2<", "(2", "(4", "(5",
                                  "(6", "(7", "(9", "16", "12", "9", "7", "5", "[", "]", "[1", "[2", "::", "x",
                                  "=f", "^c'", "_e'", "M:2/2", "M:3/2", "M:5/4", "M:7/8", "K:Cmin", "K:Cmix"};
    std::vector<std::string> meters, modes;
    for (const auto &t : samples) {
        for (std::size_t k = 2; k < t.tokens.size(); ++k)
            pool.push_back(t.tokens[k]); // frequent tokens come up often, as in a real model
        meters.push_back(t.tokens[0]);
        modes.push_back(t.tokens[1]);
    }
    std::mt19937 rng(seed);
    auto pick = [&](const std::vector<std::string> &v) { return v[rng() % v.size()]; };
    std::vector<std::vector<std::string>> out;
    for (int n = 0; n < count; ++n) {
        std::vector<std::string> t;
        if (n % 3 == 2) {
            // Repeat structure: bars, repeats and endings around a few notes.
            static const std::vector<std::string> bars{"C", "D", "C", "D", "2", "|", "|", "||", "|:", ":|",
                                                       "::", "|1", "|2", "[1", "[2"};
            t = {pick(meters), pick(modes)};
            const int len = 3 + static_cast<int>(rng() % 40);
            for (int k = 0; k < len; ++k)
                t.push_back(pick(bars));
        } else if (n % 3 == 0) {
            t = samples[rng() % samples.size()].tokens;
            const int edits = 1 + static_cast<int>(rng() % 12);
            for (int e = 0; e < edits; ++e) {
                const std::size_t pos = 2 + rng() % (t.size() - 1);
                const unsigned op = rng() % 10;
                if (op < 4 || pos >= t.size())
                    t.insert(t.begin() + static_cast<long>(std::min(pos, t.size())), pick(pool));
                else if (op < 7 && t.size() > 3)
                    t.erase(t.begin() + static_cast<long>(pos));
                else
                    t[pos] = pick(pool);
            }
        } else {
            t = {pick(meters), pick(modes)};
            const int len = 1 + static_cast<int>(rng() % 160);
            for (int k = 0; k < len; ++k)
                t.push_back(pick(pool));
        }
        out.push_back(t);
    }
    return out;
}

} // namespace

class TestAbcWriter : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

    void requireAbc2midi()
    {
        if (test::abc2midiPath().isEmpty())
            QSKIP("abc2midi is not installed (Debian package abcmidi); install it to check the ABC");
    }

    // abc2midi over every tune, with distinct X: numbers; fails on any "Error" line.
    void accepted(const std::vector<std::string> &tunes, const QString &name)
    {
        const auto run = test::runAbc2midi(tunes, dir.filePath(name));
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        QVERIFY2(run.errors.isEmpty(), qPrintable(QString::number(run.errors.size()) + " tunes with errors, first: " +
                                                  run.errors.value(0)));
    }

private slots:
    // The judge itself: abc2midi's errors are seen and named by tune.
    void abc2midiErrorsAreSeen()
    {
        requireAbc2midi();
        const auto run = test::runAbc2midi({"X:1\nM:4/4\nL:1/8\nK:C\nCDEF|\n", "X:2\nM:4/4\nL:1/8\nK:C\n|:CD|1EF|\n"},
                                           dir.filePath(QStringLiteral("judge")), true);
        QVERIFY(run.failure.isEmpty());
        QVERIFY(!run.errors.isEmpty());
        for (const QString &e : run.errors)
            QVERIFY2(e.startsWith(QStringLiteral("tune X:2: ")), qPrintable(e));
        QCOMPARE(run.notes[1], (QVector<int>{60, 62, 64, 65}));
    }

    void headerKeys()
    {
        const std::pair<const char *, const char *> modes[] = {
            {"K:Cmaj", "K:C\n"}, {"K:Cmin", "K:Cm\n"}, {"K:Cdor", "K:CDor\n"}, {"K:Cmix", "K:CMix\n"}};
        for (const auto &[token, field] : modes) {
            AbcWriteOptions o;
            o.number = 7;
            o.title = "A title";
            const AbcRendering r = tokensToAbc({"M:6/8", token, "c", "2", "B"}, o);
            QCOMPARE(r.text, std::string("X:7\nT:A title\nM:6/8\nL:1/8\n") + field + "c2B\n");
        }
    }

    void handStreamTextAndSpans()
    {
        const auto tokens = split("M:4/4 K:Cmaj |: G A B c 2 d | e > f (3 g a b [ c e ] 2 z 2 |1 c 8 :| |2 C 8 || "
                                  "M:3/4 K:Cdor x 2 G /2 A 3/2 c 2 | A 2 > B 2 C 2< D 2 |");
        const AbcRendering r = tokensToAbc(tokens);
        QCOMPARE(r.text, std::string("X:1\nM:4/4\nL:1/8\nK:C\n"
                                     "|: GABc2d | e>f(3gab [ce]2z2 |1 c8 :|\n"
                                     "|2 C8 || [M:3/4] [K:CDor] x2 G/2A3/2 c2 | A2 >B2 C2<D2 |\n"));
        QCOMPARE(r.escapedCount(), std::size_t(0));
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            const std::string shown = r.text.substr(r.spans[k].begin, r.spans[k].end - r.spans[k].begin);
            std::string want = tokens[k];
            if (k == 1)
                want = "K:C";
            else if (tokens[k] == "M:3/4")
                want = "[M:3/4]";
            else if (tokens[k] == "K:Cdor")
                want = "[K:CDor]";
            QCOMPARE(shown, want);
            QCOMPARE(r.tokenAt(r.spans[k].begin), static_cast<int>(k));
        }
        std::string problem;
        QCOMPARE(readBack(r.text, problem), tokens);
    }

    // <s> and </s> take no text; a stream without meter or mode still gives valid ABC.
    void specialsAndHeaderless()
    {
        const auto tokens = split("<s> M:2/4 K:Cmix C D E F </s>");
        const AbcRendering r = tokensToAbc(tokens);
        QCOMPARE(r.text, std::string("X:1\nM:2/4\nL:1/8\nK:CMix\nCD EF\n"));
        QCOMPARE(r.spans[0].begin, r.spans[0].end);
        QCOMPARE(r.spans[7].begin, r.spans[7].end);
        const AbcRendering bare = tokensToAbc(split("C D | E F"));
        QCOMPARE(bare.text, std::string("X:1\nM:none\nL:1/8\nK:none\nCD | EF\n"));
        requireAbc2midi();
        accepted({r.text, tokensToAbc(split("C D | E F"), {2, "", 4}).text, tokensToAbc({}, {3, "", 4}).text}, "specials");
    }

    // Tokens that cannot be music go into an annotation that reads back verbatim.
    void escapesWhatCannotBeMusic()
    {
        const auto tokens = split("M:4/4 K:Cmaj C 2 2 D foo c, 1 E > F 2 ] [ G | [ A B | /3 (3 |2 |:");
        const AbcRendering r = tokensToAbc(tokens);
        std::vector<std::string> escaped;
        for (std::size_t k = 0; k < tokens.size(); ++k)
            if (r.escaped[k]) {
                escaped.push_back(tokens[k]);
                const std::size_t open = r.text.rfind('"', r.spans[k].begin);
                QCOMPARE(r.text.substr(open, 11), std::string("\"^folk-rnn:"));
            }
        QCOMPARE(escaped, split("2 foo c, 1 > ] [ [ /3 (3 |2 |:"));
        std::string problem;
        QCOMPARE(readBack(r.text, problem), tokens);
        requireAbc2midi();
        accepted({r.text}, "escapes");
    }

    void samplesRoundTripAndPlay()
    {
        const auto tunes = sampleTunes();
        QCOMPARE(tunes.size(), std::size_t(70));
        std::vector<std::string> texts;
        std::size_t escaped = 0;
        for (std::size_t k = 0; k < tunes.size(); ++k) {
            AbcWriteOptions o;
            o.number = static_cast<int>(k) + 1;
            const AbcRendering r = tokensToAbc(tunes[k].tokens, o);
            escaped += r.escapedCount();
            std::string problem;
            const auto back = readBack(r.text, problem);
            QVERIFY2(problem.empty(), problem.c_str());
            QVERIFY2(back == tunes[k].tokens, ("tune " + std::to_string(k + 1) + "\n" + r.text).c_str());
            texts.push_back(r.text);
        }
        qInfo("samples: %zu tunes, %zu tokens escaped (malformed chords and endings)", tunes.size(), escaped);
        QVERIFY(escaped < 30);
        requireAbc2midi();
        accepted(texts, "samples");
    }

    void mutatedAndRandomStreams()
    {
        const auto streams = fuzzStreams(sampleTunes(), 900, 20240611u);
        std::vector<std::string> texts;
        for (std::size_t k = 0; k < streams.size(); ++k) {
            AbcWriteOptions o;
            o.number = static_cast<int>(k) + 1;
            const AbcRendering r = tokensToAbc(streams[k], o);
            std::string problem;
            const auto back = readBack(r.text, problem);
            QVERIFY2(problem.empty() && back == streams[k], ("stream " + std::to_string(k) + ": " + problem + "\n" + r.text).c_str());
            texts.push_back(r.text);
        }
        requireAbc2midi();
        accepted(texts, "fuzz");
    }

    void corpusToAbcNumbersTunes()
    {
        const auto tunes = sampleTunes();
        const std::string all = corpusToAbc({tunes[0], tunes[1], tunes[2]});
        const auto back = abc::tokenizeAbc(all, "all");
        QCOMPARE(back.size(), std::size_t(3));
        for (int k = 0; k < 3; ++k) {
            QCOMPARE(back[static_cast<std::size_t>(k)].number, std::to_string(k + 1));
            QCOMPARE(back[static_cast<std::size_t>(k)].tokens, tunes[static_cast<std::size_t>(k)].tokens);
        }
    }
};

QTEST_GUILESS_MAIN(TestAbcWriter)
#include "test_abc_writer.moc"

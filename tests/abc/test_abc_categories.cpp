// Token categories and the canonical display order every token axis uses, checked against the
// v2-shaped vocabulary of tests/reference/folkrnn_vocab.py (written from FOLKRNN-FORMAT.md).
#include "common/TestSupport.h"
#include "core/abc/TokenCategory.h"

#include <QtTest>

#include <algorithm>
#include <map>

using namespace folkrnn;

namespace {

// The category lists of folkrnn_vocab.py, by name.
std::map<QString, std::vector<std::string>> referenceLists()
{
    const QString code = QStringLiteral(
        "import sys; sys.path.insert(0, %1); import folkrnn_vocab as v\n"
        "for n in ['SPECIAL','METER','MODE','MEASURE','GROUPING','REST','DURATION','NATURAL','SHARP','FLAT','NATURAL_SIGN']:\n"
        "    print(n + ' ' + ' '.join(getattr(v, n)))\n")
                             .arg(QStringLiteral("'") + test::testsDir() + QStringLiteral("/reference'"));
    const auto r = test::runProcess(test::python(), {QStringLiteral("-c"), code}, 60000);
    std::map<QString, std::vector<std::string>> lists;
    for (const QByteArray &line : r.out.split('\n')) {
        const QList<QByteArray> words = line.split(' ');
        if (words.size() < 2)
            continue;
        for (int k = 1; k < words.size(); ++k)
            lists[QString::fromLatin1(words[0])].push_back(words[k].toStdString());
    }
    return lists;
}

} // namespace

class TestAbcCategories : public QObject {
    Q_OBJECT

private slots:
    void classifiesEveryKind_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("category");
        const std::pair<const char *, TokenCategory> cases[] = {
            {"M:4/4", TokenCategory::Meter},  {"M:12/8", TokenCategory::Meter},  {"K:Cmaj", TokenCategory::Mode},
            {"K:Cdor", TokenCategory::Mode},  {"|", TokenCategory::Measure},     {"||", TokenCategory::Measure},
            {"|:", TokenCategory::Measure},   {":|", TokenCategory::Measure},    {"::", TokenCategory::Measure},
            {"|1", TokenCategory::Measure},   {"[2", TokenCategory::Measure},    {"[", TokenCategory::Measure},
            {"]", TokenCategory::Measure},    {"C,", TokenCategory::Pitch},      {"^F", TokenCategory::Pitch},
            {"=B,", TokenCategory::Pitch},    {"_e'", TokenCategory::Pitch},     {"c'", TokenCategory::Pitch},
            {"z", TokenCategory::Rest},       {"x", TokenCategory::Rest},        {"2", TokenCategory::Duration},
            {"/2", TokenCategory::Duration},  {"3/2", TokenCategory::Duration},  {">", TokenCategory::Duration},
            {"<", TokenCategory::Duration},   {"2<", TokenCategory::Duration},   {"/2>", TokenCategory::Duration},
            {"(3", TokenCategory::Grouping},  {"(9", TokenCategory::Grouping},   {"<s>", TokenCategory::Special},
            {"</s>", TokenCategory::Special}, {"hello", TokenCategory::Other},   {"H", TokenCategory::Other},
        };
        for (const auto &[t, c] : cases)
            QTest::newRow(t) << QString::fromLatin1(t) << static_cast<int>(c);
    }
    void classifiesEveryKind()
    {
        QFETCH(QString, token);
        QFETCH(int, category);
        QCOMPARE(static_cast<int>(classifyToken(token.toStdString())), category);
    }

    void pitchHeightsAndDurations()
    {
        const std::pair<const char *, int> heights[] = {{"C", 0},   {"c", 12},  {"C,", -12}, {"^F", 6},  {"_B", 10},
                                                        {"=B,", -1}, {"c'", 24}, {"g'", 31},  {"^c'", 25}, {"_D,", -11}};
        for (const auto &[t, h] : heights) {
            int got = 99;
            QVERIFY2(pitchHeight(t, got), t);
            QCOMPARE(got, h);
        }
        int dummy = 0;
        QVERIFY(!pitchHeight("z", dummy));
        QVERIFY(!pitchHeight("M:4/4", dummy));
        const std::pair<const char *, double> lengths[] = {{"2", 2}, {"/2", 0.5}, {"3/2", 1.5}, {"/4", 0.25}, {"12", 12}};
        for (const auto &[t, v] : lengths) {
            double got = 0;
            QVERIFY2(durationValue(t, got), t);
            QCOMPARE(got, v);
        }
        double d = 0;
        QVERIFY(!durationValue(">", d));
        QVERIFY(!durationValue("2>", d));
    }

    // Every token of the reference vocabulary lands in the category of its list, and every token
    // of the real folk-rnn samples has a category.
    void referenceVocabulary()
    {
        if (!test::pythonHasModules({}))
            QSKIP("Debian's python3 is not available");
        const auto lists = referenceLists();
        QVERIFY2(lists.size() == 11, "folkrnn_vocab.py lists not read");
        const std::map<QString, TokenCategory> expected{
            {"SPECIAL", TokenCategory::Special},   {"METER", TokenCategory::Meter},   {"MODE", TokenCategory::Mode},
            {"MEASURE", TokenCategory::Measure},   {"GROUPING", TokenCategory::Grouping}, {"REST", TokenCategory::Rest},
            {"DURATION", TokenCategory::Duration}, {"NATURAL", TokenCategory::Pitch}, {"SHARP", TokenCategory::Pitch},
            {"FLAT", TokenCategory::Pitch},        {"NATURAL_SIGN", TokenCategory::Pitch}};
        for (const auto &[name, tokens] : lists)
            for (const std::string &t : tokens)
                QVERIFY2(classifyToken(t) == expected.at(name), (name + ": " + QString::fromStdString(t)).toUtf8());
    }

    // Category blocks in the posts' order, <s> before </s>.
    void displayOrderIsCanonical()
    {
        const std::vector<std::string> vocab{"c", "</s>", "|", "K:Cmin", "2", "^F", "M:6/8", "z", "(3", "/2", "C,",
                                             "<s>", ">", "M:4/4", "_B", "K:Cmaj", "=B,", ":|", "x", "3/2", "B,"};
        const std::vector<int> order = displayOrder(vocab);
        QCOMPARE(order.size(), vocab.size());
        std::vector<std::string> shown;
        for (int id : order)
            shown.push_back(vocab[static_cast<std::size_t>(id)]);
        // Within a category: meters by numerator, modes and bars and rests in folk-rnn's order,
        // pitches by height, durations by length then the broken-rhythm marks.
        const std::vector<std::string> expected{"M:4/4", "M:6/8", "K:Cmaj", "K:Cmin", "|", ":|", "C,", "=B,", "B,",
                                                "^F", "_B", "c", "z", "x", "/2", "3/2", "2", ">", "(3", "<s>", "</s>"};
        QCOMPARE(shown, expected);
    }

    void displayOrderOfAShuffledVocabulary()
    {
        if (!test::pythonHasModules({}))
            QSKIP("Debian's python3 is not available");
        std::vector<std::string> vocab;
        for (const auto &[name, tokens] : referenceLists())
            vocab.insert(vocab.end(), tokens.begin(), tokens.end());
        QCOMPARE(vocab.size(), std::size_t(137));
        std::reverse(vocab.begin(), vocab.end());
        const std::vector<int> order = displayOrder(vocab);
        std::vector<int> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        for (int k = 0; k < static_cast<int>(sorted.size()); ++k)
            QCOMPARE(sorted[static_cast<std::size_t>(k)], k); // a permutation
        for (std::size_t k = 1; k < order.size(); ++k) {
            const std::string &a = vocab[static_cast<std::size_t>(order[k - 1])];
            const std::string &b = vocab[static_cast<std::size_t>(order[k])];
            QVERIFY(classifyToken(a) <= classifyToken(b));
            int ha = 0, hb = 0;
            if (pitchHeight(a, ha) && pitchHeight(b, hb))
                QVERIFY2(ha <= hb, (a + " before " + b).c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestAbcCategories)
#include "test_abc_categories.moc"

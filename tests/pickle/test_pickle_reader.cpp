// The pickle reader on hand-made byte sequences: every supported opcode, the allow-list of globals,
// and hostile or broken input (truncation, oversize lengths, deep nesting, memo abuse, wrong types):
// each must give an InputError with a one-line message, never a crash or another exception.
#include "common/TestSupport.h"
#include "core/pickle/FolkRnnPickle.h"
#include "core/pickle/PickleReader.h"
#include "core/util/Error.h"

#include <QDir>
#include <QtTest>

#include <cstring>
#include <functional>

using namespace folkrnn;
using namespace folkrnn::pickle;
using namespace std::string_literals;

namespace {

std::string le(std::uint64_t v, int n)
{
    std::string s;
    for (int k = 0; k < n; ++k)
        s += static_cast<char>((v >> (8 * k)) & 0xff);
    return s;
}
std::string proto(int p) { return std::string("\x80", 1) + char(p); }
std::string sbs(const std::string &s) { return "U" + le(s.size(), 1) + s; }       // SHORT_BINSTRING
std::string uni(const std::string &s) { return "X" + le(s.size(), 4) + s; }       // BINUNICODE
std::string suni(const std::string &s) { return "\x8c" + le(s.size(), 1) + s; }   // SHORT_BINUNICODE

// The error message for `bytes`, or "" when they read without error. Any other exception escapes
// and fails the test.
QString readError(const std::string &bytes)
{
    try {
        readPickle(bytes, "t.pkl");
    } catch (const InputError &e) {
        const QString msg = QString::fromStdString(e.what());
        if (msg.contains(QLatin1Char('\n')))
            return QStringLiteral("MULTI-LINE: ") + msg;
        return msg;
    }
    return {};
}

std::unique_ptr<Document> read(const std::string &bytes) { return readPickle(bytes, "t.pkl"); }

QString modelError(const std::string &bytes)
{
    try {
        folkRnnModelFromPickle(bytes, "t.pkl");
    } catch (const InputError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QString fixturesDir() { return test::testsDir() + QStringLiteral("/pickle/fixtures"); }

std::string fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray b = f.readAll();
    return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

} // namespace

class TestPickleReader : public QObject {
    Q_OBJECT
private slots:
    void scalarsAndContainers()
    {
        // {'a': 5, b'b': [-1, 65535, 3.5, None, True, False], u'c': (1, 2, 3)}
        std::string p = proto(2) + "}q\x00("s + sbs("a") + "K\x05" + "C\x01" "b" + "](J" + le(0xffffffff, 4) + "M" +
                        le(65535, 2) + "G" + std::string("\x40\x0c\0\0\0\0\0\0", 8) + "N\x88\x89" + "e" + uni("c") +
                        "K\x01K\x02K\x03\x87" + "u.";
        const auto doc = read(p);
        const Value &root = doc->at(doc->root());
        QCOMPARE(root.kind, Kind::Dict);
        QCOMPARE(doc->find(doc->root(), "a")->integer, 5);
        const Value *list = doc->find(doc->root(), "b");
        QVERIFY(list && list->kind == Kind::List);
        QCOMPARE(list->items.size(), std::size_t(6));
        QCOMPARE(doc->at(list->items[0]).integer, -1);
        QCOMPARE(doc->at(list->items[1]).integer, 65535);
        QCOMPARE(doc->at(list->items[2]).real, 3.5);
        QCOMPARE(doc->at(list->items[3]).kind, Kind::None);
        QCOMPARE(doc->at(list->items[4]).integer, 1);
        QCOMPARE(doc->at(list->items[5]).kind, Kind::Bool);
        QCOMPARE(doc->find(doc->root(), "c")->items.size(), std::size_t(3));
    }

    void integers_data()
    {
        QTest::addColumn<QByteArray>("op");
        QTest::addColumn<qint64>("value");
        auto row = [](const char *name, const std::string &op, qint64 v) {
            QTest::newRow(name) << QByteArray(op.data(), qsizetype(op.size())) << v;
        };
        row("LONG1 0", "\x8a\x00"s, 0);
        row("LONG1 -2", std::string("\x8a\x01\xfe", 3), -2);
        row("LONG1 2^40", "\x8a\x06" + le(std::uint64_t(1) << 40, 6), qint64(1) << 40);
        row("LONG1 9 bytes sign-extended", "\x8a\x09" + le(~std::uint64_t(0) - 4, 8) + "\xff", -5);
        row("LONG4", "\x8b" + le(2, 4) + le(300, 2), 300);
        row("INT text", "I5000000000\n", 5000000000LL);
        row("INT negative", "I-7\n", -7);
        row("BININT negative", "J" + le(std::uint32_t(-123456), 4), -123456);
    }
    void integers()
    {
        QFETCH(QByteArray, op);
        QFETCH(qint64, value);
        const auto doc = read(proto(2) + op.toStdString() + ".");
        QCOMPARE(doc->at(doc->root()).kind, Kind::Int);
        QCOMPARE(doc->at(doc->root()).integer, value);
    }

    void pythonTwoBooleansAsInt()
    {
        const auto doc = read(proto(2) + "I01\n.");
        QCOMPARE(doc->at(doc->root()).kind, Kind::Bool);
        QCOMPARE(doc->at(doc->root()).integer, 1);
    }

    void memoAndProtocolFour()
    {
        // Protocol 4: FRAME, MEMOIZE, and BINGET/LONG_BINGET of memoized values.
        std::string body = "](" + suni("x") + "\x94" + "h\x00"s + "j" + le(0, 4) + "r" + le(70000, 4) + "j" +
                           le(70000, 4) + "e.";
        const auto doc = read(proto(4) + "\x95" + le(body.size(), 8) + body);
        const Value &list = doc->at(doc->root());
        QCOMPARE(list.items.size(), std::size_t(4));
        for (ValueId id : list.items)
            QCOMPARE(id, list.items[0]); // one object, four references
        QCOMPARE(readError(proto(2) + "h\x05."), QStringLiteral("t.pkl: not a readable folk-rnn pickle: memo entry 5 is "
                                                                "used before it is stored (at byte 2)"));
    }

    void allowedGlobals_data()
    {
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("name");
        for (const char *m : {"numpy.core.multiarray", "numpy._core.multiarray"}) {
            QTest::newRow(m) << m << "_reconstruct";
            QTest::newRow((std::string(m) + " scalar").c_str()) << m << "scalar";
        }
        QTest::newRow("numeric") << "numpy.core.numeric" << "_frombuffer";
        QTest::newRow("numeric 2") << "numpy._core.numeric" << "_frombuffer";
        QTest::newRow("ndarray") << "numpy" << "ndarray";
        QTest::newRow("dtype") << "numpy" << "dtype";
        QTest::newRow("codecs") << "_codecs" << "encode";
    }
    void allowedGlobals()
    {
        QFETCH(QString, module);
        QFETCH(QString, name);
        const auto doc = read(proto(2) + "c" + module.toStdString() + "\n" + name.toStdString() + "\n.");
        QCOMPARE(doc->at(doc->root()).kind, Kind::Global);
        const auto doc4 = read(proto(4) + suni(module.toStdString()) + suni(name.toStdString()) + "\x93.");
        QCOMPARE(doc4->at(doc4->root()).kind, Kind::Global);
    }

    void refusedGlobals_data()
    {
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("name");
        const char *pairs[][2] = {{"os", "system"}, {"posix", "system"}, {"nt", "system"}, {"builtins", "eval"},
                                  {"__builtin__", "eval"}, {"builtins", "exec"}, {"builtins", "getattr"},
                                  {"__builtin__", "bytes"}, {"subprocess", "call"}, {"subprocess", "Popen"},
                                  {"copy_reg", "_reconstructor"}, {"numpy", "load"}, {"numpy.core.multiarray", "fromfile"},
                                  {"numpy.core.multiarray", "_reconstruct "}, {"numpy.core", "multiarray"},
                                  {"numpy.testing._private.utils", "runstring"}, {"", ""}};
        for (const auto &p : pairs)
            QTest::newRow((std::string(p[0]) + "." + p[1]).c_str()) << p[0] << p[1];
    }
    void refusedGlobals()
    {
        QFETCH(QString, module);
        QFETCH(QString, name);
        const std::string m = module.toStdString(), n = name.toStdString();
        // Arguments and REDUCE follow, as in a real exploit: the refusal comes at the GLOBAL.
        const std::string call = sbs("touch /tmp/x") + "\x85R.";
        const QString e2 = readError(proto(2) + "c" + m + "\n" + n + "\n" + call);
        QVERIFY2(e2.contains(QStringLiteral("names the global ") + module + QLatin1Char('.') + name), qPrintable(e2));
        QVERIFY2(e2.contains(QStringLiteral("(at byte 2)")), qPrintable(e2));
        const QString e4 = readError(proto(4) + suni(m) + "\x94" + suni(n) + "\x94\x93" + call);
        QVERIFY2(e4.contains(QStringLiteral("refused before use")), qPrintable(e4));
    }

    void refusedGlobalNameStaysOnOneLine()
    {
        const QString e = readError(proto(4) + suni("os\nimport") + suni("sys\x01tem") + "\x93.");
        QVERIFY2(e.contains(QStringLiteral("os\\x0aimport.sys\\x01tem")), qPrintable(e));
    }

    void refusedOpcodes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expect");
        QTest::newRow("NEWOBJ") << QByteArray("\x80\x02\x81.") << "object construction";
        QTest::newRow("INST") << QByteArray("\x80\x02(ios\nsystem\n.") << "object construction";
        QTest::newRow("OBJ") << QByteArray("\x80\x02(o.") << "object construction";
        QTest::newRow("BINPERSID") << QByteArray("\x80\x02NQ.") << "persistent ID";
        QTest::newRow("EXT1") << QByteArray("\x80\x02\x82\x01.") << "extension registry";
        QTest::newRow("NEXT_BUFFER") << QByteArray("\x80\x05\x97.") << "out-of-band";
        QTest::newRow("STRING") << QByteArray("\x80\x02S'a'\n.") << "protocol-0";
        QTest::newRow("EMPTY_SET") << QByteArray("\x80\x04\x8f.") << "set";
        QTest::newRow("unknown") << QByteArray("\x80\x02\xff.") << "unknown opcode 0xff";
        QTest::newRow("protocol 6") << QByteArray("\x80\x06N.") << "protocol 6";
        QTest::newRow("text file") << QByteArray("hello") << "does not start with the pickle PROTO opcode";
        QTest::newRow("empty") << QByteArray() << "the file is empty";
    }
    void refusedOpcodes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expect);
        const QString e = readError(bytes.toStdString());
        QVERIFY2(e.contains(expect), qPrintable(e));
    }

    void oversizeLengths_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        auto row = [](const char *name, const std::string &s) { QTest::newRow(name) << QByteArray(s.data(), qsizetype(s.size())); };
        row("BINSTRING 2^31-1", proto(2) + "T" + le(0x7fffffff, 4) + "abc.");
        row("BINSTRING negative", proto(2) + "T" + le(0x80000000, 4) + "abc.");
        row("BINUNICODE 2^32-1", proto(2) + "X" + le(0xffffffff, 4) + "abc.");
        row("BINBYTES 2^32-1", proto(3) + "B" + le(0xffffffff, 4) + "abc.");
        row("BINBYTES8 2^64-1", proto(4) + "\x8e" + le(~std::uint64_t(0), 8) + "abc.");
        row("BINUNICODE8 2^63", proto(4) + "\x8d" + le(std::uint64_t(1) << 63, 8) + "abc.");
        row("BYTEARRAY8 2^40", proto(5) + "\x96" + le(std::uint64_t(1) << 40, 8) + "abc.");
        row("FRAME 2^62", proto(4) + "\x95" + le(std::uint64_t(1) << 62, 8) + "N.");
        row("LONG4 2^31-1", proto(2) + "\x8b" + le(0x7fffffff, 4) + "\x01.");
        row("LONG4 negative", proto(2) + "\x8b" + le(0xfffffff0, 4) + "\x01.");
        row("LONG1 255", proto(2) + "\x8a\xff\x01\x02.");
        row("LONG1 too wide", proto(2) + "\x8a\x09" + le(1, 8) + "\x01.");
        row("SHORT_BINSTRING past end", proto(2) + "U\x10" + "ab");
        row("GLOBAL without newline", proto(2) + "cnumpy" + std::string(1000, 'x'));
        row("INT huge", proto(2) + "I123456789012345678901234567890\n.");
        row("INT junk", proto(2) + "I12a\n.");
    }
    void oversizeLengths()
    {
        QFETCH(QByteArray, bytes);
        const QString e = readError(bytes.toStdString());
        QVERIFY2(e.startsWith(QStringLiteral("t.pkl: not a readable folk-rnn pickle: ")), qPrintable(e));
    }

    void arrayShapeAndDataChecked_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expect");
        // _reconstruct(ndarray, (0,), b'b') then BUILD (1, shape, dtype('f4'), False, data).
        auto array = [](const std::string &shape, const std::string &dtype, const std::string &data) {
            const std::string s = proto(2) + "cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\nK\x00\x85"s +
                                  sbs("b") + "\x87R(K\x01" + shape + "cnumpy\ndtype\n" + sbs(dtype) + "K\x00K\x01\x87R"s +
                                  "(K\x03" + sbs("<") + "NNNJ" + le(0xffffffff, 4) + "J" + le(0xffffffff, 4) +
                                  "K\x00tb\x89"s + data + "tb.";
            return QByteArray(s.data(), qsizetype(s.size()));
        };
        const std::string huge = "\x8a\x06" + le(std::uint64_t(1) << 40, 6);
        QTest::newRow("overflow") << array("(" + huge + huge + huge + "t", "f4", sbs("abcd")) << "overflows";
        QTest::newRow("too little data") << array("K\x02K\x03\x86", "f4", sbs(std::string(20, 'a'))) << "expected 24";
        QTest::newRow("too much data") << array("K\x02\x85", "f4", sbs(std::string(12, 'a'))) << "expected 8";
        QTest::newRow("negative dim") << array("J" + le(0xffffffff, 4) + "\x85", "f4", sbs("")) << "non-negative";
        QTest::newRow("object dtype") << array("K\x01\x85", "O8", "]") << "'O8'";
        QTest::newRow("half") << array("K\x01\x85", "f2", sbs("ab")) << "'f2'";
        QTest::newRow("unicode") << array("K\x01\x85", "U1", sbs("abcd")) << "'U1'";
        QTest::newRow("text data") << array("K\x01\x85", "f4", uni("abcd")) << "expected bytes";
        QTest::newRow("list data") << array("K\x01\x85", "f4", "]") << "expected bytes";
        QTest::newRow("ok") << array("K\x02K\x01\x86", "f8", sbs(std::string(16, '\0'))) << "";
    }
    void arrayShapeAndDataChecked()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expect);
        const QString e = readError(bytes.toStdString());
        if (expect.isEmpty())
            QVERIFY2(e.isEmpty(), qPrintable(e));
        else
            QVERIFY2(e.contains(expect), qPrintable(e));
    }

    void misuseOfAllowedCallables_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expect");
        auto row = [](const char *name, const std::string &s, const char *expect) {
            QTest::newRow(name) << QByteArray(s.data(), qsizetype(s.size())) << expect;
        };
        row("ndarray called", proto(2) + "cnumpy\nndarray\n)R.", "may not be called");
        row("reconstruct of dtype", proto(2) + "cnumpy.core.multiarray\n_reconstruct\ncnumpy\ndtype\nK\x00\x85"s + sbs("b") + "\x87R.",
            "other than a numpy.ndarray");
        row("args not a tuple", proto(2) + "cnumpy\ndtype\n]R.", "instead of arguments");
        row("REDUCE on int", proto(2) + "K\x01)R.", "not callable");
        row("BUILD on dict", proto(2) + "}K\x01\x85" "b.", "BUILD is applied to a dict");
        row("codecs non-latin1", proto(2) + "c_codecs\nencode\n" + uni("\xe2\x82\xac") + uni("latin1") + "\x86R.", "above U+00FF");
        row("codecs utf-8", proto(2) + "c_codecs\nencode\n" + uni("a") + uni("utf-8") + "\x86R.", "other than latin1");
        row("bad utf-8", proto(2) + uni("\xc3\x28") + ".", "not valid UTF-8");
        row("overlong utf-8", proto(2) + uni("\xc0\xaf") + ".", "not valid UTF-8");
        row("scalar length", proto(2) + "cnumpy.core.multiarray\nscalar\ncnumpy\ndtype\n" + sbs("f8") + "\x85R" + sbs("abc") + "\x86R.",
            "has 3 bytes");
        row("dtype byte order", proto(2) + "cnumpy\ndtype\n" + sbs("f4") + "\x85R(K\x03" + sbs("!") + "tb.", "byte order");
        row("structured dtype state", proto(2) + "cnumpy\ndtype\n" + sbs("f4") + "\x85R(K\x03" + sbs("<") + "N)Ntb.", "structured");
        row("dtype built twice", proto(2) + "cnumpy\ndtype\n" + sbs("f4") + "\x85R(K\x03" + sbs("<") + "tb(K\x03" + sbs("<") + "tb.",
            "twice");
    }
    void misuseOfAllowedCallables()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expect);
        const QString e = readError(bytes.toStdString());
        QVERIFY2(e.contains(expect), qPrintable(e));
    }

    void numpyScalars()
    {
        auto scalar = [](const std::string &type, const std::string &order, const std::string &raw) {
            return proto(2) + "cnumpy.core.multiarray\nscalar\ncnumpy\ndtype\n" + sbs(type) + "K\x00K\x01\x87R(K\x03"s + sbs(order) +
                   "NNNJ" + le(0xffffffff, 4) + "J" + le(0xffffffff, 4) + "K\x00tb"s + sbs(raw) + "\x86R.";
        };
        auto d = read(scalar("f8", "<", std::string("\0\0\0\0\0\0\xf8\x3f", 8)));
        QCOMPARE(d->at(d->root()).real, 1.5);
        d = read(scalar("f4", ">", std::string("\x3f\xc0\0\0", 4)));
        QCOMPARE(d->at(d->root()).real, 1.5);
        d = read(scalar("i8", "<", le(std::uint64_t(-42), 8)));
        QCOMPARE(d->at(d->root()).integer, -42);
        d = read(scalar("u2", ">", std::string("\x01\x00", 2)));
        QCOMPARE(d->at(d->root()).integer, 256);
    }

    void stackDiscipline_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expect");
        QTest::newRow("STOP on empty") << QByteArray("\x80\x02.") << "underflow";
        QTest::newRow("TUPLE2 across MARK") << QByteArray("\x80\x02K\x01(K\x02\x86t.") << "underflow";
        QTest::newRow("APPEND to int") << QByteArray("\x80\x02K\x01K\x02" "a.") << "APPEND applied to a int";
        QTest::newRow("SETITEM to list") << QByteArray("\x80\x02]K\x01K\x02s.") << "SETITEM applied to a list";
        QTest::newRow("odd SETITEMS") << QByteArray("\x80\x02}(K\x01u.") << "odd";
        QTest::newRow("odd DICT") << QByteArray("\x80\x02(K\x01" "d.") << "odd";
        QTest::newRow("APPENDS without MARK") << QByteArray("\x80\x02]e.") << "MARK";
        QTest::newRow("list in itself") << QByteArray("\x80\x02]2a.") << "contains itself";
        QTest::newRow("no STOP") << QByteArray("\x80\x02N") << "truncated";
        QTest::newRow("BINPUT on empty") << QByteArray("\x80\x02q\x00.", 5) << "underflow";
        QTest::newRow("STACK_GLOBAL of ints") << QByteArray("\x80\x04K\x01K\x02\x93.") << "two str";
    }
    void stackDiscipline()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expect);
        const QString e = readError(bytes.toStdString());
        QVERIFY2(e.contains(expect), qPrintable(e));
    }

    void deepNestingIsBounded()
    {
        // 100,000 nested lists, 100,000 MARKs, 100,000 nested 1-tuples: refused quickly, no recursion.
        QVERIFY(readError(proto(2) + std::string(100000, ']') + std::string(99999, 'a') + ".").contains(QStringLiteral("nested more than")));
        QVERIFY(readError(proto(2) + std::string(100000, '(')).contains(QStringLiteral("nested MARKs")));
        QVERIFY(readError(proto(2) + "N" + std::string(100000, '\x85') + ".").contains(QStringLiteral("nested more than")));
        QVERIFY(readError(proto(2) + std::string(100000, '}') + ".").isEmpty()); // many, not nested: fine
        // Two lists appended into each other over and over: depth keeps growing, refused.
        std::string cycle = proto(2) + "]q\x00]q\x01"s;
        for (int k = 0; k < 150; ++k)
            cycle += (k % 2 ? std::string("h\x00h\x01", 4) : std::string("h\x01h\x00", 4)) + "a0";
        QVERIFY(readError(cycle + "h\x00."s).contains(QStringLiteral("nested more than")));
    }

    void memoIsBounded()
    {
        std::string p = proto(4) + "N" + std::string(kMaxMemo + 1, '\x94') + ".";
        QVERIFY(readError(p).contains(QStringLiteral("memo entries")));
        // Rewriting one index is not growth.
        std::string same = proto(2) + "N";
        for (int k = 0; k < 100000; ++k)
            same += "r" + le(0xffffffff, 4);
        QVERIFY(readError(same + ".").isEmpty());
    }

    // Memo references let a small file name one big object many times; nothing may turn that into
    // work or memory beyond the file's size.
    void amplificationIsRefused()
    {
        const std::string text(1000, 'a');
        std::string codecs = proto(2) + uni(text) + "q\x00"s + "c_codecs\nencode\nq\x01"s + uni("latin1") + "q\x02(";
        for (int k = 0; k < 5; ++k)
            codecs += "h\x01h\x00h\x02\x86R"s;
        QVERIFY(readError(codecs + "l.").contains(QStringLiteral("decoded repeatedly")));
        QVERIFY(readError(proto(2) + uni(text) + "q\x00"s + "c_codecs\nencode\n" + "h\x00"s + uni("latin1") + "\x86R.").isEmpty());

        std::string tokens = proto(2) + "}(" + sbs("token2idx") + "}(" + uni(std::string(10000, 't')) + "q\x00K\x00"s;
        for (int k = 0; k < 200; ++k)
            tokens += "h\x00K\x00"s;
        QVERIFY(modelError(tokens + "uu.").contains(QStringLiteral("repeats the same key object")));
    }

    void everyTruncationOfARealFileIsRefused()
    {
        for (const char *name : {"folkrnn_py2_p2.pkl", "folkrnn_py3_p2.pkl", "folkrnn_py3_p4.pkl", "folkrnn_py3_p5.pkl"}) {
            const std::string full = fileBytes(fixturesDir() + QLatin1Char('/') + QLatin1String(name));
            QVERIFY2(full.size() > 10000, name);
            QVERIFY(modelError(full).isEmpty());
            std::vector<std::size_t> cuts;
            for (std::size_t n = 0; n < 3000; ++n)
                cuts.push_back(n);
            for (std::size_t n = 3000; n < full.size(); n += 397)
                cuts.push_back(n);
            for (std::size_t n = full.size() - 200; n < full.size(); ++n)
                cuts.push_back(n);
            for (std::size_t n : cuts) {
                const QString e = modelError(full.substr(0, n));
                QVERIFY2(e.startsWith(QStringLiteral("t.pkl: ")) && !e.contains(QLatin1Char('\n')),
                         qPrintable(QStringLiteral("%1 cut at %2: %3").arg(QLatin1String(name)).arg(n).arg(e)));
            }
        }
    }

    // Random byte flips, insertions and deletions of a valid file: any outcome but a crash or a
    // non-InputError exception is acceptable.
    void mutatedFilesNeverCrash()
    {
        std::mt19937 rng(20240601);
        int refused = 0, total = 0;
        const QDir corpus(test::testsDir() + QStringLiteral("/pickle/corpus"));
        std::vector<std::string> seeds;
        for (const QString &f : corpus.entryList({QStringLiteral("seed_*.pkl")}, QDir::Files))
            seeds.push_back(fileBytes(corpus.filePath(f)));
        seeds.push_back(fileBytes(fixturesDir() + QStringLiteral("/folkrnn_py2_p2.pkl")));
        QVERIFY(seeds.size() >= 5);
        for (const std::string &seed : seeds) {
            const int rounds = seed.size() > 100000 ? 150 : 1500;
            for (int r = 0; r < rounds; ++r) {
                std::string s = seed;
                const int edits = 1 + int(rng() % 4);
                for (int k = 0; k < edits && !s.empty(); ++k) {
                    const std::size_t at = rng() % s.size();
                    switch (rng() % 4) {
                    case 0: s[at] = char(rng()); break;
                    case 1: s[at] = char(s[at] ^ (1 << (rng() % 8))); break;
                    case 2: s.insert(at, 1, char(rng())); break;
                    default: s.erase(at, 1 + rng() % 8); break;
                    }
                }
                refused += !modelError(s).isEmpty();
                ++total;
            }
        }
        qInfo("%d of %d mutated files refused, the rest read as models", refused, total);
    }

    // Inputs found by fuzzing (tests/fuzz/fuzz_pickle.cpp) and seeds, replayed on every build.
    void corpusReplays()
    {
        const QDir corpus(test::testsDir() + QStringLiteral("/pickle/corpus"));
        const QStringList files = corpus.entryList(QDir::Files);
        QVERIFY(!files.isEmpty());
        int read = 0;
        for (const QString &f : files) {
            if (f.endsWith(QStringLiteral(".md")))
                continue;
            const QString e = modelError(fileBytes(corpus.filePath(f)));
            QVERIFY2(!e.contains(QLatin1Char('\n')), qPrintable(f + QStringLiteral(": ") + e));
            if (f.startsWith(QStringLiteral("seed_")))
                QVERIFY2(e.isEmpty(), qPrintable(f + QStringLiteral(": ") + e));
            ++read;
        }
        QVERIFY(read > 0);
    }
};

QTEST_APPLESS_MAIN(TestPickleReader)
#include "test_pickle_reader.moc"

// The session file: save -> read round trip (bit for bit), the checks on damaged or foreign files,
// saves that fail (no folder, read-only folder, full disk, file-size limit) leaving the previous
// file intact, the model fingerprint, and the autosave helpers.
#include "SessionFixtures.h"

#include "common/TestSupport.h"
#include "core/session/ModelFingerprint.h"
#include "core/session/Recovery.h"
#include "core/session/SessionHdf5.h"
#include "core/util/Error.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstring>
#include <sys/mount.h>
#include <sys/resource.h>

using namespace folkrnn;
using namespace folkrnn::sessiontest;
namespace fs = std::filesystem;

class TestSessionFile : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    std::shared_ptr<const Model> m = model();
    std::string modelPath;

    std::string file(const std::string &name) const { return tmp.filePath(QString::fromStdString(name)).toStdString(); }

    // Every file in `dir` besides `keep`: a failed save must leave no temporary file behind.
    static QStringList strays(const std::string &dir, const std::string &keep)
    {
        QStringList out;
        for (const auto &e : fs::directory_iterator(dir))
            if (e.path().filename() != keep)
                out << QString::fromStdString(e.path().filename().string());
        return out;
    }

    void expectRefused(const std::string &path, const char *mentions)
    {
        try {
            readSessionFile(path);
            QFAIL(qPrintable(QString::fromStdString(path) + " was accepted"));
        } catch (const InputError &e) {
            const QString msg = QString::fromUtf8(e.what());
            QVERIFY2(msg.startsWith(QString::fromStdString(path)), qPrintable(msg));
            QVERIFY2(msg.contains(QLatin1String(mentions)), qPrintable(msg));
        }
    }

    // About 1 MB: 60 teacher-forced steps of a 3x256 model.
    Session bigSession() const
    {
        auto big = model(12, 3, 256);
        GenerationSettings s;
        for (int t = 0; t < 60; ++t)
            s.forcedTune.push_back(2 + t % (big->vocabSize() - 2));
        Generator gen(big, s);
        gen.runToEnd();
        return captureSession(gen, modelPath);
    }

    // Saves a bigger session over a good file in `dir`, expects InputError naming `expect`, and checks
    // that the good file is byte for byte what it was and no temporary file is left.
    void expectFailedSaveKeepsOld(const std::string &dir, const char *expect)
    {
        const std::string target = dir + "/kept.frnsession";
        const std::string before = readAll(target);
        QVERIFY(!before.empty());
        const Session bigger = bigSession();
        bool threw = false;
        try {
            saveSession(bigger, target);
        } catch (const InputError &e) {
            threw = true;
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String(expect)), e.what());
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(QString::fromStdString(target)), e.what());
        }
        QVERIFY(threw);
        QCOMPARE(readAll(target), before);
        QCOMPARE(strays(dir, "kept.frnsession"), QStringList());
        readSessionFile(target); // still a good session
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        modelPath = file("model.h5");
        saveModelHdf5(*m, modelPath);
    }

    void roundTripIsExact()
    {
        const Session s = makeSession(m, modelPath);
        QVERIFY(s.run->steps() > 5);
        const std::string path = file("round.frnsession");
        saveSession(s, path);
        const Session back = readSessionFile(path);
        std::string diff;
        QVERIFY2(sameSession(s, back, &diff), diff.c_str());
        // The same, field by field, so a failure says which.
        QCOMPARE(back.tokens(), s.tokens());
        QVERIFY(back.interventions == someInterventions());
        QVERIFY(back.settings == s.settings);
        QVERIFY(back.selection == s.selection);
        QCOMPARE(back.notes, s.notes);
        QCOMPARE(back.viewLayout, s.viewLayout);
        QCOMPARE(back.modelFingerprint, modelFingerprint(*m));
        QCOMPARE(back.modelPath, fs::absolute(modelPath).lexically_normal().string());
        for (int l = 0; l < 2; ++l)
            for (Signal sig : kSignals)
                QCOMPARE(std::memcmp(back.run->signalMatrix(l, sig).data(), s.run->signalMatrix(l, sig).data(),
                                     sizeof(float) * static_cast<std::size_t>(s.run->steps() * 16)),
                         0);
        QCOMPARE(back.run->inputs(), s.run->inputs());
        QVERIFY(back.run->forced(0) && back.run->forced(1) && !back.run->forced(2));
    }

    void teacherForcedAndEmptyRunsRoundTrip()
    {
        GenerationSettings tf;
        tf.forcedTune = {m->tokenIndex("M:3/4"), m->tokenIndex("K:Cmin"), m->tokenIndex("C"), m->tokenIndex("|"),
                         m->endToken()};
        Generator gen(m, tf);
        gen.runToEnd();
        Session s = captureSession(gen, modelPath);
        s.selection.step = 4;
        const std::string path = file("forced.frnsession");
        saveSession(s, path);
        std::string diff;
        QVERIFY2(sameSession(s, readSessionFile(path), &diff), diff.c_str());

        Generator idle(m, GenerationSettings{});
        Session empty = captureSession(idle, modelPath);
        QCOMPARE(empty.run->steps(), 0);
        saveSession(empty, file("empty.frnsession"));
        QVERIFY(sameSession(empty, readSessionFile(file("empty.frnsession"))));
    }

    void invalidSessionsAreNotWritten()
    {
        Session s = makeSession(m, modelPath);
        s.notes = std::string("bad \xff\xfe bytes");
        QVERIFY_THROWS_EXCEPTION(InputError, saveSession(s, file("bad.frnsession")));
        s = makeSession(m, modelPath);
        s.selection.units = {99};
        QVERIFY_THROWS_EXCEPTION(InputError, saveSession(s, file("bad.frnsession")));
        Generator quiet(m, GenerationSettings{}, /*recordSignals=*/false);
        quiet.runToEnd();
        QVERIFY_THROWS_EXCEPTION(InputError, saveSession(captureSession(quiet, modelPath), file("bad.frnsession")));
        QVERIFY(!fs::exists(file("bad.frnsession")));
    }

    void fingerprintFollowsTheWeights()
    {
        const std::string fp = modelFingerprint(*m);
        QVERIFY(isFingerprint(fp));
        QCOMPARE(modelFingerprint(loadModelHdf5(modelPath)), fp); // file round trip keeps it
        Model renamed = *m;
        renamed.provenance.name = "another name";
        QCOMPARE(modelFingerprint(renamed), fp); // provenance is not hashed
        Model nudged = *m;
        nudged.layers[1].Wh[2](3, 4) = std::nextafter(nudged.layers[1].Wh[2](3, 4), 10.f);
        QVERIFY(modelFingerprint(nudged) != fp);
        Model retokened = *m;
        retokened.vocabulary[5] = "K:Cmix";
        QVERIFY(modelFingerprint(retokened) != fp);
        QVERIFY(modelFingerprint(*model(12)) != fp);
    }

    void damagedFilesAreRefused()
    {
        const std::string good = file("good.frnsession");
        saveSession(makeSession(m, modelPath), good);
        const std::string bytes = readAll(good);

        expectRefused(file("absent.frnsession"), "no such file");
        writeAll(file("empty.bin"), "");
        expectRefused(file("empty.bin"), "is empty");
        writeAll(file("text.frnsession"), "X:1\nT:not a session\n");
        expectRefused(file("text.frnsession"), "not a session file");
        std::string garbage(4096, '\0');
        for (std::size_t k = 0; k < garbage.size(); ++k)
            garbage[k] = static_cast<char>((k * 2654435761u) >> 13);
        writeAll(file("garbage.frnsession"), garbage);
        expectRefused(file("garbage.frnsession"), "not a session file");
        writeAll(file("hdf5garbage.frnsession"), bytes.substr(0, 8) + garbage);
        expectRefused(file("hdf5garbage.frnsession"), "session file");
        expectRefused(modelPath, "not a session file");
        // Truncated anywhere: refused, never a crash.
        for (std::size_t cut : {std::size_t(16), std::size_t(600), bytes.size() / 3, bytes.size() / 2,
                                bytes.size() - 700, bytes.size() - 1}) {
            writeAll(file("cut.frnsession"), bytes.substr(0, cut));
            expectRefused(file("cut.frnsession"), "");
        }
    }

    void inconsistentFilesAreRefused_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("newer version") << 0 << "unsupported session format version 2";
        QTest::newRow("trace shorter than tokens") << 1 << "/trace/layer1/h has shape";
        QTest::newRow("token outside vocabulary") << 2 << "outside the vocabulary";
        QTest::newRow("forced flags missing a step") << 3 << "/run/forced";
        QTest::newRow("intervention unit outside the layer") << 4 << "unit 16 does not exist";
        QTest::newRow("units_offset out of order") << 5 << "units_offset";
        QTest::newRow("an extra layer") << 6 << "more layers";
        QTest::newRow("a missing signal") << 7 << "missing dataset /trace/layer2/o";
        QTest::newRow("mode disagrees with tune") << 8 << "mode is teacher-forced";
        QTest::newRow("logits of another vocabulary") << 9 << "/trace/logits has shape";
        QTest::newRow("selected layer outside the model") << 10 << "layer";
        QTest::newRow("a variable-length string") << 11 << "attribute signal is not a fixed-length string";
    }

    void inconsistentFilesAreRefused()
    {
        QFETCH(int, which);
        QFETCH(QString, mentions);
        const std::string path = file("bad" + std::to_string(which) + ".frnsession");
        const Session s = makeSession(m, modelPath);
        saveSession(s, path);
        const auto T = static_cast<hsize_t>(s.run->steps());
        editFile(path, [&](H5::H5File &f) {
            H5::Group root = f.openGroup("/");
            switch (which) {
            case 0:
                f.removeAttr("format_version");
                h5::writeIntAttribute(f, "format_version", 2);
                break;
            case 1: {
                f.unlink("/trace/layer1/h");
                std::vector<float> v((T - 1) * 16, 0.f);
                h5::writeFloatArray(root, "/trace/layer1/h", v.data(), {T - 1, 16}, true);
                break;
            }
            case 2: {
                auto tokens = s.tokens();
                tokens[4] = 500;
                replaceInts(f, "/run/tokens", tokens);
                break;
            }
            case 3: {
                f.unlink("/run/forced");
                H5::Group run = f.openGroup("/run");
                std::vector<int> shorter(T - 1, 0);
                h5::writeInts(run, "forced", shorter);
                break;
            }
            case 4:
                replaceInts(f, "/interventions/units", {3, 16, 1, 0, 1, 2});
                break;
            case 5:
                replaceInts(f, "/interventions/units_offset", {0, 5, 3, 6});
                break;
            case 6: {
                f.createGroup("/trace/layer3");
                break;
            }
            case 7:
                f.unlink("/trace/layer2/o");
                break;
            case 8: {
                H5::Group g = f.openGroup("/settings");
                g.removeAttr("mode");
                sessionh5::writeTextAttribute(g, "mode", "teacher-forced");
                break;
            }
            case 9: {
                f.unlink("/trace/logits");
                std::vector<double> v(T * 30, 0.0);
                h5::writeDoubleArray(root, "/trace/logits", v.data(), {T, 30}, true);
                break;
            }
            case 10: {
                H5::Group g = f.openGroup("/selection");
                g.removeAttr("layer");
                h5::writeIntAttribute(g, "layer", 3);
                break;
            }
            case 11: {
                H5::Group g = f.openGroup("/selection");
                g.removeAttr("signal");
                h5::writeStringAttribute(g, "signal", "h"); // variable-length: never written by saveSession
                break;
            }
            }
        });
        expectRefused(path, qPrintable(mentions));
    }

    void corpusReplays()
    {
        const QDir corpus(folkrnn::test::testsDir() + "/session/corpus");
        const QStringList files = corpus.entryList(QDir::Files);
        QVERIFY(files.contains("seed_sampled.frnsession"));
        for (const QString &name : files) {
            if (name == "README.md")
                continue;
            const std::string path = corpus.filePath(name).toStdString();
            if (name.startsWith("seed_")) {
                QCOMPARE(readSessionFile(path).run->numLayers(), 1);
                continue;
            }
            try {
                readSessionFile(path);
            } catch (const InputError &e) {
                QVERIFY2(QString::fromUtf8(e.what()).startsWith(QString::fromStdString(path)), e.what());
            }
        }
    }

    void saveWhereNoFileCanBeMadeFails()
    {
        // As root chmod does not stop writes; these refuse them all the same.
        const std::string notAFolder = file("model.h5") + "/x.frnsession";
        QVERIFY_THROWS_EXCEPTION(InputError, saveSession(makeSession(m, modelPath), notAFolder));
        QVERIFY_THROWS_EXCEPTION(InputError, saveSession(makeSession(m, modelPath), file("no/such/dir/x.frnsession")));
        try {
            saveSession(makeSession(m, modelPath), "/proc/self/x.frnsession");
            QFAIL("saved into /proc");
        } catch (const InputError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("cannot save")), e.what());
        }
        QVERIFY(fs::is_regular_file(modelPath));
    }

    void fileSizeLimitKeepsTheOldFile()
    {
        // RLIMIT_FSIZE makes write() fail part way (EFBIG) as a full disk does (ENOSPC).
        const std::string dir = file("limited");
        fs::create_directories(dir);
        saveSession(makeSession(m, modelPath), dir + "/kept.frnsession");
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 256 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        expectFailedSaveKeepsOld(dir, "File too large");
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
    }

    void fullDiskAndReadOnlyFolderKeepTheOldFile()
    {
        const std::string dir = file("tiny");
        fs::create_directories(dir);
        if (mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=512k") != 0)
            QSKIP("cannot mount a tmpfs here (needs CAP_SYS_ADMIN); the file-size limit test covers a failing write");
        struct Unmount {
            std::string d;
            ~Unmount() { umount2(d.c_str(), MNT_DETACH); }
        } unmount{dir};
        saveSession(makeSession(m, modelPath), dir + "/kept.frnsession");
        expectFailedSaveKeepsOld(dir, "No space left on device");
        QCOMPARE(mount("tmpfs", dir.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=512k"), 0);
        expectFailedSaveKeepsOld(dir, "Read-only file system");
    }

    void recoveryCopies()
    {
        const fs::path dir = fs::path(file("state")) / "folkrnn-inspector" / "autosave";
        QVERIFY(listRecoveryFiles(dir).empty());
        QCOMPARE(recoveryFileName("../evil/tune.frnsession"), std::string("_evil_tune.frnsession"));
        QCOMPARE(recoveryFileName(""), std::string("untitled.frnsession"));
        const Session s = makeSession(m, modelPath);
        const fs::path a = writeRecoveryCopy(s, dir, "first tune.frnsession");
        QCOMPARE(a.filename().string(), std::string("first_tune.frnsession"));
        const fs::path b = writeRecoveryCopy(makeSession(m, modelPath, 6), dir, "untitled");
        fs::last_write_time(a, fs::file_time_type::clock::now() - std::chrono::hours(1));
        writeAll((dir / ".x.frnsession.tmp123").string(), "partial"); // an interrupted save
        writeAll((dir / "notes.txt").string(), "not a session");
        auto list = listRecoveryFiles(dir);
        QCOMPARE(list.size(), std::size_t(2));
        QCOMPARE(list[0].path, b); // newest first
        QCOMPARE(list[1].path, a);
        QVERIFY(sameSession(readSessionFile(a.string()), s));
        QCOMPARE(removeStaleTemporaryFiles(dir), 1);
        removeRecoveryFile(a);
        removeRecoveryFile(a); // already gone: fine
        QCOMPARE(listRecoveryFiles(dir).size(), std::size_t(1));
        QVERIFY_THROWS_EXCEPTION(InputError, writeRecoveryCopy(s, fs::path(modelPath) / "sub", "x"));
    }
};

QTEST_GUILESS_MAIN(TestSessionFile)
#include "test_session_file.moc"

// widgets/audio: the PCM source the audio sink pulls from (loops, which frame is heard), the
// player and its controls. This machine may have no audio output device: then the controls must
// say so, play nothing, and everything else must work.
#include "core/sim/Run.h"
#include "widgets/audio/PcmSource.h"
#include "widgets/audio/PlayerBar.h"
#include "widgets/audio/TunePlayer.h"
#include "widgets/selection/Selection.h"

#include <QAudioDevice>
#include <QLabel>
#include <QMediaDevices>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

#include <sstream>

using namespace folkrnn;
using namespace folkrnn::widgets;

namespace {

// 10 stereo frames whose left sample is the frame number and right its negative.
std::shared_ptr<const audio::Pcm> rampPcm()
{
    auto pcm = std::make_shared<audio::Pcm>();
    for (int f = 0; f < 10; ++f) {
        pcm->samples.push_back(static_cast<std::int16_t>(f));
        pcm->samples.push_back(static_cast<std::int16_t>(-f));
    }
    return pcm;
}

QList<int> leftSamples(const QByteArray &bytes)
{
    QList<int> out;
    const auto *s = reinterpret_cast<const std::int16_t *>(bytes.constData());
    for (qsizetype k = 0; k + 1 < bytes.size() / 2; k += 2)
        out << s[k];
    return out;
}

// A run whose steps took `text`'s tokens (no signals: the player needs only the tokens).
std::shared_ptr<const Run> runOf(const std::string &text)
{
    std::istringstream in(text);
    std::vector<std::string> tokens;
    for (std::string t; in >> t;)
        tokens.push_back(t);
    auto vocabulary = std::make_shared<std::vector<std::string>>(tokens);
    vocabulary->push_back("<s>");
    auto run = std::make_shared<Run>(vocabulary, 1, 1, false);
    const Eigen::VectorXd zeros = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(vocabulary->size()));
    for (std::size_t k = 0; k < tokens.size(); ++k)
        run->appendStep({k == 0 ? static_cast<int>(tokens.size()) : static_cast<int>(k) - 1, static_cast<int>(k), false}, zeros, zeros);
    return run;
}

bool noAudioDevice() { return QMediaDevices::defaultAudioOutput().isNull(); }

} // namespace

class TestAudioPlayer : public QObject {
    Q_OBJECT

private slots:
    void sourceReadsAndLoops()
    {
        PcmSource source;
        source.setPcm(rampPcm());
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(leftSamples(source.read(4 * 4)), (QList<int>{0, 1, 2, 3}));
        source.setLoop(2, 5); // inside the loop already: reading goes on from frame 4
        QCOMPARE(leftSamples(source.read(6 * 4)), (QList<int>{4, 2, 3, 4, 2, 3}));
        // The sink has played 16 bytes (4 frames): frame 3 was the last handed out before them.
        QCOMPARE(source.frameAtByte(0), qint64(0));
        QCOMPARE(source.frameAtByte(4 * 4), qint64(4));
        QCOMPARE(source.frameAtByte(5 * 4), qint64(2)); // after the first wrap
        QCOMPARE(source.frameAtByte(8 * 4), qint64(2)); // after the second
        source.setLoop(0, 0);
        source.seekFrame(8);
        QCOMPARE(leftSamples(source.read(100)), (QList<int>{8, 9}));
        QCOMPARE(source.read(100).size(), 0); // the end: the sink goes idle
    }

    void playerWithoutDevice()
    {
        TunePlayer player;
        player.setTokens({"M:6/8", "K:Cmaj", "A", "B", "c", "|", "d"});
        QCOMPARE(player.performance().notes.size(), std::size_t(4));
        QCOMPARE(player.effectiveTempo(), 100.0);
        player.setTempo(120);
        QCOMPARE(player.effectiveTempo(), 120.0);
        player.setProgram(40);
        QCOMPARE(player.program(), 40);
        player.setLoopSteps(3, 4);
        QVERIFY(player.looping());
        if (!noAudioDevice())
            QSKIP("this machine has an audio output device; the no-device path is not reachable");
        QVERIFY(!player.available());
        QVERIFY(player.unavailableReason().contains(QLatin1String("No audio output device")));
        QSignalSpy states(&player, &TunePlayer::stateChanged);
        player.play();
        player.playFromStep(3);
        player.soundStep(2);
        QCOMPARE(player.state(), TunePlayer::State::Stopped);
        QCOMPARE(states.count(), 0);
    }

    void barSaysWhyAndFollows()
    {
        Selection selection;
        PlayerBar bar;
        bar.setSelection(&selection);
        bar.setRun(runOf("M:4/4 K:Cmaj A B c d | e f g a"));
        QCOMPARE(bar.player()->tokens().size(), std::size_t(11));
        auto *status = bar.findChild<QLabel *>(QStringLiteral("player-status"));
        auto *play = bar.findChild<QToolButton *>(QStringLiteral("player-play"));
        QVERIFY(status && play);
        if (noAudioDevice()) {
            QVERIFY(status->text().contains(QLatin1String("No audio output device")));
            QVERIFY(!play->isEnabled());
        }
        // Playback moves the shared step; so does anything else, and the bar keeps working.
        emit bar.player()->stepSounding(6);
        QCOMPARE(selection.step(), 6);
        selection.setStep(3);
        QCOMPARE(selection.step(), 3);
        // The loop button loops the selected step range, or the whole tune.
        auto *loop = bar.findChild<QToolButton *>(QStringLiteral("player-loop"));
        QVERIFY(loop);
        selection.setStepRange({2, 5});
        loop->setEnabled(true);
        loop->setChecked(true);
        QVERIFY(bar.player()->looping());
        loop->setChecked(false);
        QVERIFY(!bar.player()->looping());
        // The run grew by a step (the Document's generator records in place).
        bar.setRun(runOf("M:4/4 K:Cmaj A B c d | e f g a b"));
        QCOMPARE(bar.player()->performance().notes.size(), std::size_t(9));
        bar.setRun(nullptr);
        QVERIFY(bar.player()->tokens().empty());
    }
};

QTEST_MAIN(TestAudioPlayer)
#include "test_audio_player.moc"

#pragma once
#include "core/audio/NoteEvents.h"
#include "core/audio/WavFile.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <string>
#include <vector>

class QAudioSink;
class QBuffer;

namespace folkrnn::audio { class Synthesizer; }

namespace folkrnn::widgets {

class PcmSource;

// Plays a folk-rnn tune through the default audio output (Qt Multimedia's QAudioSink, pull mode)
// from PCM rendered by core/audio's fluidsynth synthesizer. While it plays it reports the step
// (token index) of the sounding note, so the app can move the shared Selection; it can start at
// a step, loop a range of steps, and sound the notes of one step alone.
//
// The tune is rendered when play is asked for and the tune, tempo or instrument changed since:
// on the UI thread, as a three-minute tune takes well under a second (bench_audio).
//
// Without an audio output device or a SoundFont, unavailableReason() says why, play() and
// soundStep() do nothing and every other call still works.
class TunePlayer : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Playing, Paused };
    Q_ENUM(State)

    explicit TunePlayer(QObject *parent = nullptr);
    ~TunePlayer() override;

    // Empty when the tune can be heard; else a sentence for the user.
    QString unavailableReason() const;
    bool available() const { return unavailableReason().isEmpty(); }

    // The tune: token texts, the index of each being its step. Stops playback if it changed.
    void setTokens(const std::vector<std::string> &tokens);
    const std::vector<std::string> &tokens() const { return tokens_; }
    const audio::Performance &performance() const { return performance_; }

    void setProgram(int program); // General MIDI program (Tempo.h: instruments())
    int program() const { return program_; }
    void setTempo(double bpm);    // beats of the meter per minute; 0: the meter's default
    double tempo() const { return tempo_; }
    double effectiveTempo() const;
    double secondsPerQuarter() const;

    // Loops steps first..last (their first pass) while playing; first > last: no loop.
    void setLoopSteps(int first, int last);
    bool looping() const { return loopFirst_ <= loopLast_; }

    State state() const { return state_; }
    // The step sounding now (-1 when stopped).
    int currentStep() const { return currentStep_; }
    // Seconds into the tune of the sound being heard.
    double position() const;

public slots:
    void play();                 // resumes a pause, else starts from the beginning (or the loop)
    void playFromStep(int step); // from the first time the step is played
    void pause();
    void stop();
    // Sounds the notes the step made, alone (for stepping through a generation); nothing while
    // the tune plays or when the step made no note.
    void soundStep(int step);

signals:
    void stepSounding(int step);
    void stateChanged(folkrnn::widgets::TunePlayer::State state);
    void availabilityChanged();
    void failed(const QString &message);

private:
    bool ensureSink();
    bool ensureRendered();
    void startAt(double seconds);
    void setState(State s);
    void tick();
    void applyLoop();

    std::vector<std::string> tokens_;
    audio::Performance performance_;
    int program_;
    double tempo_ = 0;
    int loopFirst_ = 0, loopLast_ = -1;

    std::unique_ptr<audio::Synthesizer> synth_;
    QString synthProblem_;
    std::shared_ptr<const audio::Pcm> pcm_; // rendered tune; null when stale
    QAudioSink *sink_ = nullptr;
    PcmSource *source_ = nullptr;
    QBuffer *noteBuffer_ = nullptr;
    std::shared_ptr<const audio::Pcm> notePcm_;
    QTimer timer_;
    State state_ = State::Stopped;
    int currentStep_ = -1;
};

} // namespace folkrnn::widgets

#include "widgets/audio/TunePlayer.h"

#include "core/audio/StepTime.h"
#include "core/audio/Synthesizer.h"
#include "core/audio/Tempo.h"
#include "widgets/audio/PcmSource.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QBuffer>
#include <QMediaDevices>

#include <algorithm>
#include <cmath>
#include <exception>

namespace folkrnn::widgets {

namespace {

constexpr int kSampleRate = 44100;

QAudioFormat pcmFormat()
{
    QAudioFormat f;
    f.setSampleRate(kSampleRate);
    f.setChannelCount(2);
    f.setSampleFormat(QAudioFormat::Int16);
    return f;
}

} // namespace

TunePlayer::TunePlayer(QObject *parent) : QObject(parent), program_(audio::kDefaultProgram)
{
    source_ = new PcmSource(this);
    noteBuffer_ = new QBuffer(this);
    timer_.setInterval(20);
    connect(&timer_, &QTimer::timeout, this, &TunePlayer::tick);
    auto *devices = new QMediaDevices(this);
    connect(devices, &QMediaDevices::audioOutputsChanged, this, [this] {
        stop();
        delete sink_;
        sink_ = nullptr;
        emit availabilityChanged();
    });
}

TunePlayer::~TunePlayer()
{
    if (sink_)
        sink_->stop();
}

QString TunePlayer::unavailableReason() const
{
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull())
        return tr("No audio output device: playback is off (MIDI and WAV export still work).");
    if (!device.isFormatSupported(pcmFormat()))
        return tr("The audio output device does not take 44.1 kHz 16-bit stereo: playback is off.");
    if (!synthProblem_.isEmpty())
        return synthProblem_;
    if (!synth_ && audio::findSoundFont().empty())
        return tr("No General MIDI SoundFont installed (Debian package timgm6mb-soundfont): playback is off.");
    return {};
}

void TunePlayer::setTokens(const std::vector<std::string> &tokens)
{
    if (tokens == tokens_)
        return;
    tokens_ = tokens;
    performance_ = audio::performTokens(tokens_);
    pcm_.reset();
    if (state_ != State::Stopped)
        stop();
}

void TunePlayer::setProgram(int program)
{
    program = std::clamp(program, 0, 127);
    if (program == program_)
        return;
    program_ = program;
    pcm_.reset();
    if (state_ != State::Stopped) {
        const double at = position();
        if (ensureRendered())
            startAt(at);
    }
}

void TunePlayer::setTempo(double bpm)
{
    bpm = bpm > 0 ? std::clamp(bpm, audio::kMinTempo, audio::kMaxTempo) : 0.0;
    if (bpm == tempo_)
        return;
    const double quarters = state_ != State::Stopped ? position() / secondsPerQuarter() : 0.0;
    tempo_ = bpm;
    pcm_.reset();
    if (state_ != State::Stopped && ensureRendered())
        startAt(quarters * secondsPerQuarter()); // the same place in the music
}

double TunePlayer::effectiveTempo() const
{
    return tempo_ > 0 ? tempo_ : audio::defaultTempo(performance_.meterNumerator(), performance_.meterDenominator());
}

double TunePlayer::secondsPerQuarter() const
{
    return audio::secondsPerQuarter(performance_.meterNumerator(), performance_.meterDenominator(), tempo_);
}

void TunePlayer::setLoopSteps(int first, int last)
{
    loopFirst_ = first;
    loopLast_ = last;
    applyLoop();
}

void TunePlayer::applyLoop()
{
    if (!pcm_)
        return;
    if (!looping()) {
        source_->setLoop(0, 0);
        return;
    }
    const audio::TimeSpan span = audio::spanOfSteps(performance_, loopFirst_, loopLast_);
    const double spq = secondsPerQuarter();
    source_->setLoop(std::llround(span.begin.value() * spq * kSampleRate), std::llround(span.end.value() * spq * kSampleRate));
}

bool TunePlayer::ensureSink()
{
    if (sink_)
        return true;
    if (!available())
        return false;
    sink_ = new QAudioSink(QMediaDevices::defaultAudioOutput(), pcmFormat(), this);
    connect(sink_, &QAudioSink::stateChanged, this, [this](QAudio::State s) {
        if (s == QAudio::IdleState && state_ == State::Playing && !source_->looping()) {
            stop(); // the tune has played to its end
        } else if (s == QAudio::StoppedState && sink_->error() != QAudio::NoError && state_ != State::Stopped) {
            stop();
            emit failed(tr("The audio output device stopped playing."));
        }
    });
    return true;
}

bool TunePlayer::ensureRendered()
{
    if (pcm_)
        return true;
    if (performance_.notes.empty())
        return false;
    try {
        if (!synth_)
            synth_ = std::make_unique<audio::Synthesizer>();
        pcm_ = std::make_shared<const audio::Pcm>(synth_->render(performance_, secondsPerQuarter(), program_));
    } catch (const std::exception &e) {
        synthProblem_ = QString::fromStdString(e.what());
        emit availabilityChanged();
        emit failed(synthProblem_);
        return false;
    }
    source_->close();
    source_->setPcm(pcm_);
    applyLoop();
    return true;
}

void TunePlayer::startAt(double seconds)
{
    if (!ensureSink() || !ensureRendered())
        return;
    sink_->stop();
    source_->close();
    source_->seekFrame(std::llround(std::max(0.0, seconds) * kSampleRate));
    applyLoop();
    source_->open(QIODevice::ReadOnly);
    sink_->start(source_);
    setState(State::Playing);
    timer_.start();
    tick();
}

void TunePlayer::play()
{
    if (state_ == State::Paused && sink_) {
        sink_->resume();
        setState(State::Playing);
        timer_.start();
        return;
    }
    if (state_ == State::Playing)
        return;
    double from = 0;
    if (looping())
        from = audio::spanOfSteps(performance_, loopFirst_, loopLast_).begin.value() * secondsPerQuarter();
    startAt(from);
}

void TunePlayer::playFromStep(int step)
{
    startAt(audio::startTimeOfStep(performance_, step).value() * secondsPerQuarter());
}

void TunePlayer::pause()
{
    if (state_ != State::Playing || !sink_)
        return;
    sink_->suspend();
    timer_.stop();
    setState(State::Paused);
}

void TunePlayer::stop()
{
    timer_.stop();
    if (sink_)
        sink_->stop();
    source_->close();
    currentStep_ = -1;
    setState(State::Stopped);
}

void TunePlayer::soundStep(int step)
{
    if (state_ != State::Stopped || !ensureSink())
        return;
    for (const audio::NoteEvent &e : performance_.notes) {
        if (e.token != step)
            continue;
        try {
            if (!synth_)
                synth_ = std::make_unique<audio::Synthesizer>();
            // As long as written, but never so long that quick stepping piles notes up.
            const double seconds = std::min(0.8, e.length.value() * secondsPerQuarter());
            notePcm_ = std::make_shared<const audio::Pcm>(synth_->renderNote(e.key, e.velocity, program_, seconds));
        } catch (const std::exception &ex) {
            synthProblem_ = QString::fromStdString(ex.what());
            emit availabilityChanged();
            return;
        }
        sink_->stop();
        noteBuffer_->close();
        noteBuffer_->setData(reinterpret_cast<const char *>(notePcm_->samples.data()),
                             static_cast<qsizetype>(notePcm_->samples.size() * sizeof(std::int16_t)));
        noteBuffer_->open(QIODevice::ReadOnly);
        sink_->start(noteBuffer_);
        return;
    }
}

double TunePlayer::position() const
{
    if (state_ == State::Stopped || !sink_ || !pcm_)
        return 0.0;
    const qint64 bytesPlayed = sink_->processedUSecs() * kSampleRate / 1000000 * 4;
    return static_cast<double>(source_->frameAtByte(std::min(bytesPlayed, source_->bytesHandedOut()))) / kSampleRate;
}

void TunePlayer::tick()
{
    const double quarters = position() / secondsPerQuarter();
    const int step = audio::stepAtTime(performance_, quarters);
    if (step != currentStep_ && step >= 0) {
        currentStep_ = step;
        emit stepSounding(step);
    }
}

void TunePlayer::setState(State s)
{
    if (s == state_)
        return;
    state_ = s;
    emit stateChanged(s);
}

} // namespace folkrnn::widgets

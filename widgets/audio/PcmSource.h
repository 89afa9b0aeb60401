#pragma once
#include "core/audio/WavFile.h"

#include <QIODevice>

#include <memory>
#include <vector>

namespace folkrnn::widgets {

// Rendered 16-bit PCM served to QAudioSink's pull mode, with an optional loop: reading wraps
// from the loop's end back to its start. It remembers where each stretch of bytes it handed out
// came from, so the frame being heard can be found from the count of bytes the sink has played.
class PcmSource : public QIODevice {
    Q_OBJECT
public:
    explicit PcmSource(QObject *parent = nullptr);

    void setPcm(std::shared_ptr<const audio::Pcm> pcm);
    const audio::Pcm *pcm() const { return pcm_.get(); }
    // Where reading goes on (a frame index); restarts the byte count.
    void seekFrame(qint64 frame);
    qint64 nextFrame() const { return frame_; }
    // Loop [begin, end) in frames; end <= begin turns looping off.
    void setLoop(qint64 begin, qint64 end);
    bool looping() const { return loopEnd_ > loopBegin_; }

    // The frame that the `bytesPlayed`-th byte handed out since seekFrame() came from.
    qint64 frameAtByte(qint64 bytesPlayed) const;
    qint64 bytesHandedOut() const { return handedOut_; }

    // Always unbuffered: QIODevice's read-ahead would hand out frames before a seek or a loop
    // change and the sink would play them from the wrong place.
    bool open(OpenMode mode) override { return QIODevice::open(mode | QIODevice::Unbuffered); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    struct Stretch {
        qint64 byte;  // first byte of the stretch in the handed-out stream
        qint64 frame; // the PCM frame it starts at
    };
    qint64 endFrame() const;
    qint64 frameBytes() const;

    std::shared_ptr<const audio::Pcm> pcm_;
    qint64 frame_ = 0;
    qint64 loopBegin_ = 0, loopEnd_ = 0;
    qint64 handedOut_ = 0;
    std::vector<Stretch> stretches_;
};

} // namespace folkrnn::widgets

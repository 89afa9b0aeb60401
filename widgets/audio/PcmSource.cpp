#include "widgets/audio/PcmSource.h"

#include <algorithm>
#include <cstring>

namespace folkrnn::widgets {

PcmSource::PcmSource(QObject *parent) : QIODevice(parent) {}

void PcmSource::setPcm(std::shared_ptr<const audio::Pcm> pcm)
{
    pcm_ = std::move(pcm);
    loopBegin_ = loopEnd_ = 0;
    seekFrame(0);
}

qint64 PcmSource::frameBytes() const { return pcm_ ? 2 * static_cast<qint64>(pcm_->channels) : 4; }

qint64 PcmSource::endFrame() const
{
    const qint64 frames = pcm_ ? static_cast<qint64>(pcm_->frames()) : 0;
    return looping() ? std::min(loopEnd_, frames) : frames;
}

void PcmSource::seekFrame(qint64 frame)
{
    const qint64 frames = pcm_ ? static_cast<qint64>(pcm_->frames()) : 0;
    frame_ = std::clamp<qint64>(frame, 0, frames);
    handedOut_ = 0;
    stretches_.assign(1, Stretch{0, frame_});
}

void PcmSource::setLoop(qint64 begin, qint64 end)
{
    const qint64 frames = pcm_ ? static_cast<qint64>(pcm_->frames()) : 0;
    loopBegin_ = std::clamp<qint64>(begin, 0, frames);
    loopEnd_ = std::clamp<qint64>(end, 0, frames);
    if (looping() && (frame_ < loopBegin_ || frame_ >= loopEnd_)) {
        frame_ = loopBegin_;
        stretches_.push_back({handedOut_, frame_});
    }
}

qint64 PcmSource::frameAtByte(qint64 bytesPlayed) const
{
    auto it = std::upper_bound(stretches_.begin(), stretches_.end(), bytesPlayed,
                               [](qint64 b, const Stretch &s) { return b < s.byte; });
    if (it == stretches_.begin())
        return stretches_.empty() ? 0 : stretches_.front().frame;
    --it;
    return it->frame + (bytesPlayed - it->byte) / frameBytes();
}

qint64 PcmSource::bytesAvailable() const
{
    if (!pcm_)
        return QIODevice::bytesAvailable();
    const qint64 left = looping() ? (loopEnd_ - loopBegin_) * 64 : endFrame() - frame_; // a loop never runs dry
    return std::max<qint64>(left, 0) * frameBytes() + QIODevice::bytesAvailable();
}

qint64 PcmSource::readData(char *data, qint64 maxSize)
{
    if (!pcm_)
        return 0;
    const qint64 fb = frameBytes();
    qint64 written = 0;
    while (written + fb <= maxSize) {
        if (frame_ >= endFrame()) {
            if (!looping())
                break;
            frame_ = loopBegin_;
            stretches_.push_back({handedOut_ + written, frame_});
        }
        const qint64 frames = std::min((maxSize - written) / fb, endFrame() - frame_);
        std::memcpy(data + written, pcm_->samples.data() + frame_ * pcm_->channels, static_cast<std::size_t>(frames * fb));
        written += frames * fb;
        frame_ += frames;
    }
    handedOut_ += written;
    // Stretches wholly behind anything the sink could still be playing are no longer needed.
    if (stretches_.size() > 64)
        stretches_.erase(stretches_.begin(), stretches_.end() - 32);
    return written;
}

} // namespace folkrnn::widgets

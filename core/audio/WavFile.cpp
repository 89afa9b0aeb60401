#include "core/audio/WavFile.h"

#include "core/util/AtomicFile.h"
#include "core/util/Error.h"

#include <bit>
#include <cstring>
#include <fstream>

namespace folkrnn::audio {

namespace {

void le(std::string &out, std::uint64_t v, int bytes)
{
    for (int k = 0; k < bytes; ++k)
        out += static_cast<char>((v >> (8 * k)) & 0xFF);
}

} // namespace

std::string wavFileBytes(const Pcm &pcm)
{
    const std::uint64_t dataBytes = pcm.samples.size() * 2;
    const int blockAlign = pcm.channels * 2;
    std::string out;
    out.reserve(44 + dataBytes);
    out += "RIFF";
    le(out, 36 + dataBytes, 4);
    out += "WAVEfmt ";
    le(out, 16, 4);
    le(out, 1, 2); // PCM
    le(out, static_cast<std::uint64_t>(pcm.channels), 2);
    le(out, static_cast<std::uint64_t>(pcm.sampleRate), 4);
    le(out, static_cast<std::uint64_t>(pcm.sampleRate) * static_cast<std::uint64_t>(blockAlign), 4);
    le(out, static_cast<std::uint64_t>(blockAlign), 2);
    le(out, 16, 2);
    out += "data";
    le(out, dataBytes, 4);
    const std::size_t at = out.size();
    out.resize(at + dataBytes);
    if constexpr (std::endian::native == std::endian::little) {
        if (dataBytes > 0)
            std::memcpy(out.data() + at, pcm.samples.data(), dataBytes);
    } else {
        for (std::size_t k = 0; k < pcm.samples.size(); ++k) {
            const auto v = static_cast<std::uint16_t>(pcm.samples[k]);
            out[at + 2 * k] = static_cast<char>(v & 0xFF);
            out[at + 2 * k + 1] = static_cast<char>(v >> 8);
        }
    }
    return out;
}

void writeWavFile(const std::filesystem::path &path, const Pcm &pcm)
{
    if (pcm.samples.size() * 2 + 36 > 0xFFFFFFFFull)
        throw InputError(path.string(), "the audio is too long for a WAV file (4 GiB at most)");
    const std::string bytes = wavFileBytes(pcm);
    writeAtomically(path, [&](const std::filesystem::path &tmp) {
        std::ofstream f(tmp, std::ios::binary);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        f.close();
        if (!f)
            throw InputError(path.string(), "cannot be written");
    });
}

} // namespace folkrnn::audio

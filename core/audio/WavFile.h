#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace folkrnn::audio {

// Interleaved 16-bit PCM, as the synthesizer renders it and audio devices and WAV files take it.
struct Pcm {
    int sampleRate = 44100;
    int channels = 2;
    std::vector<std::int16_t> samples; // frames * channels

    std::size_t frames() const { return channels > 0 ? samples.size() / static_cast<std::size_t>(channels) : 0; }
    double seconds() const { return sampleRate > 0 ? static_cast<double>(frames()) / sampleRate : 0.0; }
};

// A RIFF/WAVE file: "fmt " chunk (PCM, format 1) and "data" chunk, little-endian.
std::string wavFileBytes(const Pcm &pcm);

// Writes the file atomically; InputError naming the file when it cannot be written.
void writeWavFile(const std::filesystem::path &path, const Pcm &pcm);

} // namespace folkrnn::audio

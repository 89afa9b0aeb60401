#pragma once
#include <Eigen/Core>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace folkrnn {

// Gate order used everywhere (files, fused kernels, traces): input, forget, cell input, output.
enum class Gate { Input = 0, Forget = 1, Cell = 2, Output = 3 };
inline constexpr std::array<Gate, 4> kGates{Gate::Input, Gate::Forget, Gate::Cell, Gate::Output};
const char *gateSuffix(Gate g); // "i", "f", "c", "o" as in the HDF5 dataset names

// One LSTM layer in Lasagne's row-vector convention: z = x·W_x + h·W_h + b.
struct LstmLayer {
    std::array<Eigen::MatrixXf, 4> Wx; // [n_in, H] per gate
    std::array<Eigen::MatrixXf, 4> Wh; // [H, H] per gate
    std::array<Eigen::VectorXf, 4> b;  // [H] per gate
    Eigen::VectorXf h0;                // hid_init [H]
    Eigen::VectorXf c0;                // cell_init [H]

    Eigen::Index inputSize() const { return Wx[0].rows(); }
    Eigen::Index hiddenSize() const { return Wh[0].rows(); }
    const Eigen::MatrixXf &wx(Gate g) const { return Wx[static_cast<int>(g)]; }
    const Eigen::MatrixXf &wh(Gate g) const { return Wh[static_cast<int>(g)]; }
    const Eigen::VectorXf &bias(Gate g) const { return b[static_cast<int>(g)]; }
};

// Where a model came from; kept for About boxes and session files.
struct Provenance {
    std::string name;
    std::string source;        // file it was read from, or how it was made
    std::string configuration; // folk-rnn's "config5" etc.
    std::string experimentId;
    long long epoch = -1;
    long long iterations = -1;
    std::vector<double> lossesTrain;
    std::vector<double> lossesValid;
};

// The weights and vocabulary of a folk-rnn LSTM, as stored in a file. Plain data: the simulator
// builds its own kernel layout from it.
class Model {
public:
    std::vector<std::string> vocabulary; // index = token id
    std::optional<Eigen::MatrixXf> embedding; // [V, E]; absent for one-hot input
    std::vector<LstmLayer> layers;
    Eigen::MatrixXf denseW; // [H, V]
    Eigen::VectorXf denseB; // [V]
    Provenance provenance;

    int numLayers() const { return static_cast<int>(layers.size()); }
    int hiddenSize() const { return layers.empty() ? 0 : static_cast<int>(layers.front().hiddenSize()); }
    int vocabSize() const { return static_cast<int>(vocabulary.size()); }
    int inputSize() const { return layers.empty() ? 0 : static_cast<int>(layers.front().inputSize()); }
    std::size_t parameterCount() const;

    // -1 when the token is not in the vocabulary.
    int tokenIndex(const std::string &token) const;
    int startToken() const { return tokenIndex("<s>"); }
    int endToken() const { return tokenIndex("</s>"); }

    // Throws InputError(source, problem) on inconsistent shapes, non-finite values, duplicate or
    // missing special tokens.
    void validate(const std::string &source) const;
};

} // namespace folkrnn

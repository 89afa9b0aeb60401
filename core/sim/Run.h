#pragma once
#include <Eigen/Core>

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace folkrnn {

// The per-layer quantities a step records: hidden state, cell state, the three gates and the
// cell input g = tanh(x·W_xc + h·W_hc + b_c).
enum class Signal { H = 0, C = 1, I = 2, F = 3, O = 4, G = 5 };
inline constexpr int kSignalCount = 6;
inline constexpr std::array<Signal, kSignalCount> kSignals{Signal::H, Signal::C, Signal::I,
                                                         Signal::F, Signal::O, Signal::G};
const char *signalName(Signal s); // "h", "c", "i", "f", "o", "g"
bool parseSignal(const std::string &name, Signal &out);

using RowMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatrixXd = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// A recorded trace: what the model did at every step of one tune. Step t consumes input(t)
// (step 0 consumes <s>) and yields a distribution over the next token, of which token(t) was
// taken (sampled, primed or teacher-forced). Views read it; only the simulator appends to it.
class Run {
public:
    Run() = default;
    Run(std::shared_ptr<const std::vector<std::string>> vocabulary, int layers, int hidden, bool withSignals);

    int steps() const { return static_cast<int>(tokens_.size()); }
    int numLayers() const { return layers_; }
    int hiddenSize() const { return hidden_; }
    int vocabSize() const { return vocabulary_ ? static_cast<int>(vocabulary_->size()) : 0; }
    bool hasSignals() const { return withSignals_; }
    const std::vector<std::string> &vocabulary() const { return *vocabulary_; }
    std::shared_ptr<const std::vector<std::string>> sharedVocabulary() const { return vocabulary_; }
    const std::string &tokenText(int id) const { return (*vocabulary_)[static_cast<std::size_t>(id)]; }

    int input(int t) const { return inputs_[static_cast<std::size_t>(t)]; }
    int token(int t) const { return tokens_[static_cast<std::size_t>(t)]; }
    bool forced(int t) const { return forced_[static_cast<std::size_t>(t)] != 0; }
    const std::vector<int> &tokens() const { return tokens_; }
    const std::vector<int> &inputs() const { return inputs_; }

    // log p_t over the vocabulary (natural log, of the temperature-scaled distribution sampled from).
    Eigen::Map<const Eigen::VectorXd> logProbs(int t) const;
    Eigen::Map<const Eigen::VectorXd> logits(int t) const;
    double chosenLogProb(int t) const { return logProbs(t)[token(t)]; }
    Eigen::Map<const RowMatrixXd> logProbMatrix() const; // [T, V]
    Eigen::Map<const RowMatrixXd> logitMatrix() const;   // [T, V]

    // One layer's signal at step t ([H]) or over all steps ([T, H]); layers count from 0.
    Eigen::Map<const Eigen::VectorXf> signal(int t, int layer, Signal s) const;
    Eigen::Map<const RowMatrixXf> signalMatrix(int layer, Signal s) const;

    // Simulator side.
    struct StepRecord {
        int input = 0;
        int token = 0;
        bool forced = false;
    };
    void appendStep(const StepRecord &rec, const Eigen::Ref<const Eigen::VectorXd> &logits,
                    const Eigen::Ref<const Eigen::VectorXd> &logProbs);
    // Values for the step being appended; call after appendStep for each layer.
    void setSignal(int layer, Signal s, const Eigen::Ref<const Eigen::VectorXd> &values);
    void setSignal(int layer, Signal s, const float *values); // [hidden], as recorded before
    void truncate(int steps);
    void reserve(int steps);

    // A trace rebuilt from stored arrays (a session file read without its model). Inputs are
    // derived as the simulator records them: <s> (`startToken`) at step 0, then token(t-1).
    struct Arrays {
        std::vector<int> tokens;                 // [T]
        std::vector<char> forced;                // [T], 0 or 1
        std::vector<double> logits, logProbs;    // [T*V] row-major
        // [layer*6 + signal] -> [T*H] row-major; empty: none. Not named "signals", a Qt macro.
        std::vector<std::vector<float>> signalValues;
    };
    // Throws std::invalid_argument when the sizes disagree with each other or with (V, layers, hidden).
    static Run fromArrays(std::shared_ptr<const std::vector<std::string>> vocabulary, int layers, int hidden,
                          int startToken, Arrays arrays);

private:
    std::vector<float> &storage(int layer, Signal s) { return signals_[static_cast<std::size_t>(layer * kSignalCount + static_cast<int>(s))]; }
    const std::vector<float> &storage(int layer, Signal s) const { return signals_[static_cast<std::size_t>(layer * kSignalCount + static_cast<int>(s))]; }

    std::shared_ptr<const std::vector<std::string>> vocabulary_;
    int layers_ = 0;
    int hidden_ = 0;
    bool withSignals_ = false;
    std::vector<int> inputs_;
    std::vector<int> tokens_;
    std::vector<char> forced_;
    std::vector<double> logits_;
    std::vector<double> logProbs_;
    std::vector<std::vector<float>> signals_; // [layer * 6 + signal] -> T*H row-major
};

} // namespace folkrnn

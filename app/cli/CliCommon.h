#pragma once
#include "core/model/Model.h"
#include "core/sim/Generator.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <memory>
#include <stdexcept>
#include <string>

// Shared plumbing of the folkrnn-cli commands: every problem with the user's input becomes a
// UsageError, which main() prints as one line on stderr with exit status 2.
namespace folkrnn::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parses `args` (argv without the command word); --help prints and exits 0, errors throw.
void parseOrThrow(QCommandLineParser &parser, const QStringList &args, const QString &command,
                  const QString &description);

// --model option shared by every command that needs a model.
QCommandLineOption modelOption();
// The file named by --model, or the bundled model's ($FOLKRNN_MODEL, installed, source tree).
std::string modelPathOption(const QCommandLineParser &parser);
// The model named by --model, or the bundled one; throws InputError naming the file.
std::shared_ptr<const Model> loadModelOption(const QCommandLineParser &parser);

// --seed, --temperature and --prime, as every command that samples a tune spells them.
void addSamplingOptions(QCommandLineParser &parser);
// --seed and --temperature into `settings`, checked (throws UsageError); --prime needs the model,
// so each command encodes it where it has one.
void readSeedAndTemperature(const QCommandLineParser &parser, GenerationSettings &settings);

long long integerOption(const QCommandLineParser &parser, const QString &name, long long min, long long max);
double numberOption(const QCommandLineParser &parser, const QString &name);

void writeOut(const std::string &text); // stdout, binary-safe

} // namespace folkrnn::cli

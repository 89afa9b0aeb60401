#include "CliCommon.h"

#include "core/model/OpenModel.h"
#include "core/util/Error.h"

#include <QCoreApplication>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace folkrnn::cli {

void parseOrThrow(QCommandLineParser &parser, const QStringList &args, const QString &command,
                  const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    QStringList full = args;
    full.prepend(QStringLiteral("folkrnn-cli ") + command);
    if (!parser.parse(full))
        throw UsageError(command.toStdString() + ": " + parser.errorText().toStdString());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        std::exit(0);
    }
}

QCommandLineOption modelOption()
{
    return {QStringLiteral("model"), QStringLiteral("Model file (.h5 or folk-rnn .pkl); default: the bundled model."),
            QStringLiteral("FILE")};
}

std::string modelPathOption(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("model")))
        return parser.value(QStringLiteral("model")).toStdString();
    std::string path = bundledModelPath(QCoreApplication::applicationDirPath().toStdString());
    if (path.empty())
        throw UsageError("no --model given and no bundled model found (set FOLKRNN_MODEL or pass --model FILE)");
    return path;
}

std::shared_ptr<const Model> loadModelOption(const QCommandLineParser &parser)
{
    return std::make_shared<const Model>(openModel(modelPathOption(parser)));
}

long long integerOption(const QCommandLineParser &parser, const QString &name, long long min, long long max)
{
    const QString text = parser.value(name);
    bool ok = false;
    const long long v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        throw UsageError("--" + name.toStdString() + ": \"" + text.toStdString() + "\" is not an integer from " +
                         std::to_string(min) + " to " + std::to_string(max));
    return v;
}

double numberOption(const QCommandLineParser &parser, const QString &name)
{
    const QString text = parser.value(name);
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok)
        throw UsageError("--" + name.toStdString() + ": \"" + text.toStdString() + "\" is not a number");
    return v;
}

void writeOut(const std::string &text) { std::fwrite(text.data(), 1, text.size(), stdout); }

void addSamplingOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("seed"), QStringLiteral("RNG seed (0..4294967295)."), QStringLiteral("N"),
                      QStringLiteral("42")});
    parser.addOption({QStringLiteral("temperature"), QStringLiteral("Softmax temperature (> 0)."), QStringLiteral("T"),
                      QStringLiteral("1.0")});
    parser.addOption({QStringLiteral("prime"), QStringLiteral("Tokens to start with, separated by spaces."),
                      QStringLiteral("TOKENS")});
}

void readSeedAndTemperature(const QCommandLineParser &parser, GenerationSettings &settings)
{
    settings.seed = static_cast<std::uint32_t>(integerOption(parser, QStringLiteral("seed"), 0, 4294967295LL));
    settings.temperature = numberOption(parser, QStringLiteral("temperature"));
    if (!(settings.temperature > 0.0) || !std::isfinite(settings.temperature))
        throw UsageError("--temperature: must be a positive number");
}

} // namespace folkrnn::cli

#include "CliCommon.h"
#include "Commands.h"

#include "core/abc/TokenCorpus.h"
#include "core/analysis/TraceFile.h"
#include "core/model/TokenText.h"
#include "core/sim/Generator.h"
#include "core/util/Error.h"

#include <cmath>

namespace folkrnn::cli {

namespace {

// Tune `number` (from 1) of a folk-rnn token corpus file (core/abc/TokenCorpus.h: meter, mode,
// body tokens; tunes separated by blank lines), followed by </s> as in folk-rnn's training
// sequences, so the last step shows how likely the model found the end.
std::vector<int> readTune(const Model &model, const std::string &path, long long number)
{
    const std::vector<TokenTune> tunes = readTokenCorpus(path);
    if (number > static_cast<long long>(tunes.size()))
        throw InputError(path, "has " + std::to_string(tunes.size()) + " tune(s); --tune-number " +
                                   std::to_string(number) + " does not exist");
    const TokenTune &tune = tunes[static_cast<std::size_t>(number - 1)];
    std::string text;
    for (const std::string &t : tune.tokens)
        text += t + " ";
    std::vector<int> ids = encodeTokens(model.vocabulary, text, path + ":" + std::to_string(tune.line));
    if (ids.back() != model.endToken())
        ids.push_back(model.endToken());
    return ids;
}

} // namespace

int runTrace(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(modelOption());
    addSamplingOptions(parser);
    parser.addOption({QStringLiteral("max-length"), QStringLiteral("Steps at most."), QStringLiteral("N"),
                      QStringLiteral("1000")});
    parser.addOption({QStringLiteral("tune"),
                      QStringLiteral("Teacher-force a tune of this folk-rnn token corpus file (meter, mode, body; "
                                     "</s> is appended)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tune-number"), QStringLiteral("Which tune of the --tune file, from 1."),
                      QStringLiteral("K"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("fft-length"), QStringLiteral("Zero-padded length of the unit spectra."),
                      QStringLiteral("N"), QStringLiteral("512")});
    parser.addOption({QStringLiteral("floor-db"),
                      QStringLiteral("Spectrum floor in dB below each unit's strongest component (stored as an attribute)."),
                      QStringLiteral("DB"), QStringLiteral("-6")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("The trace file to write (HDF5, see TRACE-FORMAT.md)."),
                      QStringLiteral("RUN.h5")});
    parseOrThrow(parser, args, QStringLiteral("trace"),
                 QStringLiteral("Record a run (every layer's h, c, i, f, o, g and the log-probabilities) with its "
                                "unit spectra and softmax-weight analyses, for batch use."));

    if (!parser.isSet(QStringLiteral("out")))
        throw UsageError("trace: --out RUN.h5 is required");
    if (parser.isSet(QStringLiteral("prime")) && parser.isSet(QStringLiteral("tune")))
        throw UsageError("trace: --prime and --tune cannot be used together");
    GenerationSettings settings;
    readSeedAndTemperature(parser, settings);
    settings.maxLength = static_cast<int>(integerOption(parser, QStringLiteral("max-length"), 1, kMaxSteps));
    analysis::TraceOptions options;
    options.spectrum.fftLength = static_cast<int>(integerOption(parser, QStringLiteral("fft-length"), 2, 1 << 20));
    options.spectrum.floorDb = numberOption(parser, QStringLiteral("floor-db"));
    if (!std::isfinite(options.spectrum.floorDb) || options.spectrum.floorDb > 0.0)
        throw UsageError("--floor-db: must be a finite number of dB, at most 0");
    const std::string out = parser.value(QStringLiteral("out")).toStdString();

    auto model = loadModelOption(parser);
    analysis::TraceInfo info;
    if (parser.isSet(QStringLiteral("tune"))) {
        settings.forcedTune = readTune(*model, parser.value(QStringLiteral("tune")).toStdString(),
                                       integerOption(parser, QStringLiteral("tune-number"), 1, 1000000000));
        info.mode = "teacher-forced";
    } else if (parser.isSet(QStringLiteral("prime"))) {
        settings.prime = encodeTokens(model->vocabulary, parser.value(QStringLiteral("prime")).toStdString(), "--prime");
    }
    info.seed = settings.seed;
    info.temperature = settings.temperature;
    info.prime = settings.prime;
    info.modelName = model->provenance.name;
    info.modelSource = model->provenance.source;

    Generator gen(model, settings, /*recordSignals=*/true);
    gen.runToEnd();
    const Run &run = gen.run();
    analysis::writeTraceFile(out, run, *model, info, options);
    writeOut(out + ": " + std::to_string(run.steps()) + " steps, " + std::to_string(run.numLayers()) + " layers x " +
             std::to_string(run.hiddenSize()) + " units (" + info.mode + ")\n");
    return 0;
}

} // namespace folkrnn::cli

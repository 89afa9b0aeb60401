#include "CliCommon.h"
#include "Commands.h"

#include "core/intervene/InterventionText.h"
#include "core/model/TokenText.h"
#include "core/sim/Generator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace folkrnn::cli {

namespace {

enum class Format { Tokens, Abc, Json };

Format parseFormat(const QString &text)
{
    if (text == QLatin1String("tokens"))
        return Format::Tokens;
    if (text == QLatin1String("abc"))
        return Format::Abc;
    if (text == QLatin1String("json"))
        return Format::Json;
    throw UsageError("--format: \"" + text.toStdString() + "\" is not one of abc, tokens, json");
}

// sample_rnn.py's layout: X:n, the first token (meter) and the second (mode) on their own lines,
// then the rest joined by spaces.
std::string abcText(const Model &model, const std::vector<int> &tokens, long long index)
{
    std::string out = "X:" + std::to_string(index) + "\n";
    for (std::size_t k = 0; k < tokens.size() && k < 2; ++k)
        out += model.vocabulary[static_cast<std::size_t>(tokens[k])] + "\n";
    if (tokens.size() > 2)
        out += decodeTokens(model.vocabulary, std::vector<int>(tokens.begin() + 2, tokens.end())) + "\n";
    return out + "\n";
}

} // namespace

int runGenerate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(modelOption());
    parser.addOption({QStringLiteral("seed"), QStringLiteral("RNG seed (0..4294967295)."), QStringLiteral("N"),
                      QStringLiteral("42")});
    parser.addOption({QStringLiteral("temperature"), QStringLiteral("Softmax temperature (> 0)."), QStringLiteral("T"),
                      QStringLiteral("1.0")});
    parser.addOption({QStringLiteral("prime"), QStringLiteral("Tokens to start with, separated by spaces."),
                      QStringLiteral("TOKENS")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("Number of tunes, from one RNG stream."),
                      QStringLiteral("K"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("max-length"), QStringLiteral("Steps at most per tune."), QStringLiteral("N"),
                      QStringLiteral("1000")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("Output: abc, tokens or json."),
                      QStringLiteral("FORMAT"), QStringLiteral("abc")});
    parser.addOption({QStringLiteral("clamp"),
                      QStringLiteral("Clamp unit U of layer L (from 1) to V at steps FROM..TO (repeatable)."),
                      QStringLiteral("L:U=V[@FROM-TO]")});
    parser.addOption({QStringLiteral("clamp-cell"), QStringLiteral("As --clamp, on the cell state c."),
                      QStringLiteral("L:U=V[@FROM-TO]")});
    parser.addOption({QStringLiteral("scale"), QStringLiteral("Multiply unit U's h by F (repeatable)."),
                      QStringLiteral("L:U=F[@FROM-TO]")});
    parser.addOption({QStringLiteral("ablate"), QStringLiteral("Clamp these units of layer L to 0 (repeatable)."),
                      QStringLiteral("L:U1,U2,...[@FROM-TO]")});
    parseOrThrow(parser, args, QStringLiteral("generate"),
                 QStringLiteral("Sample tunes exactly as folk-rnn's sample_rnn.py does."));

    const Format format = parseFormat(parser.value(QStringLiteral("format")));
    GenerationSettings settings;
    settings.seed = static_cast<std::uint32_t>(integerOption(parser, QStringLiteral("seed"), 0, 4294967295LL));
    settings.temperature = numberOption(parser, QStringLiteral("temperature"));
    settings.maxLength = static_cast<int>(integerOption(parser, QStringLiteral("max-length"), 1, kMaxSteps));
    const long long count = integerOption(parser, QStringLiteral("count"), 1, 1000000);
    if (!(settings.temperature > 0.0) || !std::isfinite(settings.temperature))
        throw UsageError("--temperature: must be a positive number");

    auto model = loadModelOption(parser);
    if (parser.isSet(QStringLiteral("prime")))
        settings.prime = encodeTokens(model->vocabulary, parser.value(QStringLiteral("prime")).toStdString(), "--prime");

    InterventionSet interventions;
    for (const QString &v : parser.values(QStringLiteral("clamp")))
        interventions.items.push_back(parseClamp(v.toStdString(), InterventionTarget::Hidden, InterventionKind::Clamp, "--clamp"));
    for (const QString &v : parser.values(QStringLiteral("clamp-cell")))
        interventions.items.push_back(parseClamp(v.toStdString(), InterventionTarget::Cell, InterventionKind::Clamp, "--clamp-cell"));
    for (const QString &v : parser.values(QStringLiteral("scale")))
        interventions.items.push_back(parseClamp(v.toStdString(), InterventionTarget::Hidden, InterventionKind::Scale, "--scale"));
    for (const QString &v : parser.values(QStringLiteral("ablate")))
        interventions.items.push_back(parseAblation(v.toStdString(), "--ablate"));
    interventions.validate(model->numLayers(), model->hiddenSize());

    Generator gen(model, settings, /*recordSignals=*/false);
    gen.simulator().setInterventions(interventions);
    QJsonArray tunes;
    for (long long n = 0; n < count; ++n) {
        if (n > 0)
            gen.startNextTune();
        gen.runToEnd();
        const Run &run = gen.run();
        const std::vector<int> tokens = tuneTokens(run, model->endToken());
        switch (format) {
        case Format::Tokens:
            writeOut(decodeTokens(model->vocabulary, tokens) + "\n");
            break;
        case Format::Abc:
            writeOut(abcText(*model, tokens, n));
            break;
        case Format::Json: {
            QJsonArray toks, lps;
            for (int t = 0; t < run.steps(); ++t) {
                toks.append(QString::fromStdString(run.tokenText(run.token(t))));
                lps.append(run.chosenLogProb(t));
            }
            QJsonObject tune;
            tune[QStringLiteral("index")] = static_cast<qint64>(n);
            tune[QStringLiteral("tokens")] = toks;
            tune[QStringLiteral("logprobs")] = lps;
            tune[QStringLiteral("ended")] = gen.simulator().ended();
            tunes.append(tune);
            break;
        }
        }
        std::fflush(stdout);
    }
    if (format == Format::Json) {
        QJsonObject root;
        root[QStringLiteral("seed")] = static_cast<qint64>(settings.seed);
        root[QStringLiteral("temperature")] = settings.temperature;
        root[QStringLiteral("tunes")] = tunes;
        writeOut(QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString());
    }
    return 0;
}

} // namespace folkrnn::cli

#include "CliCommon.h"
#include "Commands.h"

#include "core/intervene/InterventionText.h"
#include "core/model/OpenModel.h"
#include "core/model/TokenText.h"
#include "core/session/SessionFile.h"
#include "core/sim/BatchGenerator.h"
#include "core/sim/Generator.h"

#include <QCoreApplication>
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

GeneratedTune tuneFromRun(const Run &run, std::uint32_t seed, int endToken)
{
    GeneratedTune t;
    t.seed = seed;
    for (int k = 0; k < run.steps(); ++k) {
        t.tokens.push_back(run.token(k));
        t.logProbs.push_back(run.chosenLogProb(k));
    }
    t.ended = !t.tokens.empty() && t.tokens.back() == endToken;
    return t;
}

// Prints tunes as they come: tokens (one line each), abc (sample_rnn.py's layout: X:n, the
// first token (meter) and the second (mode) on their own lines, then the rest joined by spaces),
// or json (collected, printed by finish()).
class TuneWriter {
public:
    TuneWriter(const Model &model, Format format) : model_(model), format_(format) {}

    void write(const GeneratedTune &tune, long long index)
    {
        std::vector<int> body = tune.tokens;
        if (tune.ended)
            body.pop_back();
        switch (format_) {
        case Format::Tokens:
            writeOut(decodeTokens(model_.vocabulary, body) + "\n");
            break;
        case Format::Abc: {
            std::string out = "X:" + std::to_string(index) + "\n";
            for (std::size_t k = 0; k < body.size() && k < 2; ++k)
                out += model_.vocabulary[static_cast<std::size_t>(body[k])] + "\n";
            if (body.size() > 2)
                out += decodeTokens(model_.vocabulary, std::vector<int>(body.begin() + 2, body.end())) + "\n";
            writeOut(out + "\n");
            break;
        }
        case Format::Json: {
            QJsonArray toks, lps;
            for (std::size_t k = 0; k < tune.tokens.size(); ++k) {
                toks.append(QString::fromStdString(model_.vocabulary[static_cast<std::size_t>(tune.tokens[k])]));
                lps.append(tune.logProbs[k]);
            }
            QJsonObject t;
            t[QStringLiteral("index")] = static_cast<qint64>(index);
            t[QStringLiteral("seed")] = static_cast<qint64>(tune.seed);
            t[QStringLiteral("tokens")] = toks;
            t[QStringLiteral("logprobs")] = lps;
            t[QStringLiteral("ended")] = tune.ended;
            tunes_.append(t);
            break;
        }
        }
        std::fflush(stdout);
    }

    void finish(std::uint32_t seed, double temperature)
    {
        if (format_ != Format::Json)
            return;
        QJsonObject root;
        root[QStringLiteral("seed")] = static_cast<qint64>(seed);
        root[QStringLiteral("temperature")] = temperature;
        root[QStringLiteral("tunes")] = tunes_;
        writeOut(QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString());
    }

private:
    const Model &model_;
    Format format_;
    QJsonArray tunes_;
};

} // namespace

int runGenerate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(modelOption());
    addSamplingOptions(parser);
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
    parser.addOption({QStringLiteral("seed-per-tune"),
                      QStringLiteral("Tune i uses seed N+i (each equals the original sampler run with that seed).")});
    parser.addOption({QStringLiteral("batch"),
                      QStringLiteral("With --seed-per-tune: tunes generated together (default 32)."), QStringLiteral("B")});
    parser.addOption({QStringLiteral("save-session"),
                      QStringLiteral("Save the tune, its settings and its recorded trace as a session (--count 1)."),
                      QStringLiteral("FILE")});
    parseOrThrow(parser, args, QStringLiteral("generate"),
                 QStringLiteral("Sample tunes exactly as folk-rnn's sample_rnn.py does."));

    const Format format = parseFormat(parser.value(QStringLiteral("format")));
    GenerationSettings settings;
    readSeedAndTemperature(parser, settings);
    settings.maxLength = static_cast<int>(integerOption(parser, QStringLiteral("max-length"), 1, kMaxSteps));
    const long long count = integerOption(parser, QStringLiteral("count"), 1, 1000000);

    const bool saving = parser.isSet(QStringLiteral("save-session"));
    if (saving && (count != 1 || parser.isSet(QStringLiteral("seed-per-tune"))))
        throw UsageError("--save-session: a session holds one tune; use --count 1 without --seed-per-tune");

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
    TuneWriter writer(*model, format);
    if (parser.isSet(QStringLiteral("seed-per-tune")) || parser.isSet(QStringLiteral("batch"))) {
        if (!parser.isSet(QStringLiteral("seed-per-tune")))
            throw UsageError("--batch: needs --seed-per-tune (tunes of one RNG stream depend on each other)");
        BatchSettings batch;
        batch.firstSeed = settings.seed;
        batch.count = static_cast<int>(count);
        batch.batch = parser.isSet(QStringLiteral("batch"))
                          ? static_cast<int>(integerOption(parser, QStringLiteral("batch"), 1, 4096))
                          : 32;
        batch.temperature = settings.temperature;
        batch.prime = settings.prime;
        batch.maxLength = settings.maxLength;
        batch.interventions = interventions;
        const std::vector<GeneratedTune> tunes = generateBatched(*model, batch);
        for (std::size_t n = 0; n < tunes.size(); ++n)
            writer.write(tunes[n], static_cast<long long>(n));
    } else {
        Generator gen(model, settings, /*recordSignals=*/saving); // a session stores the whole trace
        gen.simulator().setInterventions(interventions);
        for (long long n = 0; n < count; ++n) {
            if (n > 0)
                gen.startNextTune();
            gen.runToEnd();
            writer.write(tuneFromRun(gen.run(), settings.seed, model->endToken()), n);
        }
        if (saving) {
            const std::string modelPath = parser.isSet(QStringLiteral("model"))
                                              ? parser.value(QStringLiteral("model")).toStdString()
                                              : bundledModelPath(QCoreApplication::applicationDirPath().toStdString());
            saveSession(captureSession(gen, modelPath), parser.value(QStringLiteral("save-session")).toStdString());
        }
    }
    writer.finish(settings.seed, settings.temperature);
    return 0;
}

} // namespace folkrnn::cli

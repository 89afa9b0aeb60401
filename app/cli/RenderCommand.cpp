#include "CliCommon.h"
#include "Commands.h"

#include "core/abc/AbcFile.h"
#include "core/abc/TokenCorpus.h"
#include "core/audio/MidiFile.h"
#include "core/audio/NoteEvents.h"
#include "core/audio/Synthesizer.h"
#include "core/audio/Tempo.h"
#include "core/audio/WavFile.h"
#include "core/model/TokenText.h"
#include "core/sim/Generator.h"
#include "core/util/Error.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace folkrnn::cli {

namespace {

std::string readText(const std::string &path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path, "is a directory");
    std::ifstream f(path, std::ios::binary);
    if (!f)
        throw InputError(path, "cannot be opened");
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// A token corpus (tune number `tune`, from 1) or, failing that, one ABC tune converted to tokens.
std::vector<std::string> tokensFromFile(const std::string &path, long long tune)
{
    const std::string text = readText(path);
    try {
        const std::vector<TokenTune> tunes = parseTokenCorpus(text, path);
        if (tune > static_cast<long long>(tunes.size()))
            throw UsageError("--tune: " + path + " has " + std::to_string(tunes.size()) + " tune" +
                             (tunes.size() == 1 ? "" : "s"));
        return tunes[static_cast<std::size_t>(tune - 1)].tokens;
    } catch (const InputError &corpusError) {
        std::istringstream in(text);
        std::vector<std::string> words;
        for (std::string w; in >> w;)
            words.push_back(w);
        // userTokens gives the words back unchanged when the text is not ABC: then the corpus
        // reader's complaint is the one that says what is wrong.
        std::vector<std::string> tokens = userTokens(text, path);
        if (tokens == words)
            throw;
        if (tune != 1)
            throw UsageError("--tune: " + path + " is one ABC tune");
        return tokens;
    }
}

std::vector<std::string> tokensFromModel(const QCommandLineParser &parser)
{
    auto model = loadModelOption(parser);
    GenerationSettings settings;
    settings.seed = static_cast<std::uint32_t>(integerOption(parser, QStringLiteral("seed"), 0, 4294967295LL));
    if (parser.isSet(QStringLiteral("prime")))
        settings.prime = encodeTokens(model->vocabulary, parser.value(QStringLiteral("prime")).toStdString(), "--prime");
    Generator gen(model, settings, /*recordSignals=*/false);
    gen.runToEnd();
    std::vector<std::string> tokens;
    for (int id : tuneTokens(gen.run(), model->endToken()))
        tokens.push_back(model->vocabulary[static_cast<std::size_t>(id)]);
    return tokens;
}

enum class OutKind { Midi, Wav };

OutKind outKind(const QString &out)
{
    const QString lower = out.toLower();
    if (lower.endsWith(QLatin1String(".mid")) || lower.endsWith(QLatin1String(".midi")))
        return OutKind::Midi;
    if (lower.endsWith(QLatin1String(".wav")))
        return OutKind::Wav;
    throw UsageError("--out: \"" + out.toStdString() + "\" must end in .mid, .midi or .wav");
}

} // namespace

// A tune (from a token file or sampled from a model) -> Standard MIDI File or WAV.
int runRender(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("tokens"),
                      QStringLiteral("Tune to render: a folk-rnn token corpus (see --tune) or one ABC tune."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tune"), QStringLiteral("With --tokens: which tune of the corpus, from 1."),
                      QStringLiteral("K"), QStringLiteral("1")});
    parser.addOption(modelOption());
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Without --tokens: RNG seed of the sampled tune."),
                      QStringLiteral("N"), QStringLiteral("42")});
    parser.addOption({QStringLiteral("prime"), QStringLiteral("Without --tokens: tokens to start the tune with."),
                      QStringLiteral("TOKENS")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output file: .mid (Standard MIDI File) or .wav."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tempo"),
                      QStringLiteral("Beats per minute (the meter's beat: a dotted quarter in 6/8); default by meter."),
                      QStringLiteral("BPM")});
    parser.addOption({QStringLiteral("program"),
                      QStringLiteral("Instrument: piano, fiddle, flute, whistle, accordion, harp, or a General MIDI "
                                     "program 0..127 (default piano)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("soundfont"), QStringLiteral("SoundFont for .wav (default: the system's GM font)."),
                      QStringLiteral("FILE")});
    parseOrThrow(parser, args, QStringLiteral("render"),
                 QStringLiteral("Play a tune into a Standard MIDI File or a WAV file: repeats and endings played "
                                "out, the key of the mode token, General MIDI instruments (fluidsynth)."));
    if (!parser.positionalArguments().isEmpty())
        throw UsageError("render: unexpected argument \"" + parser.positionalArguments().front().toStdString() + "\"");
    if (!parser.isSet(QStringLiteral("out")))
        throw UsageError("render: --out FILE.mid|FILE.wav is required");
    const QString out = parser.value(QStringLiteral("out"));
    const OutKind kind = outKind(out);
    const bool fromFile = parser.isSet(QStringLiteral("tokens"));
    for (const char *opt : {"model", "seed", "prime"})
        if (fromFile && parser.isSet(QString::fromLatin1(opt)))
            throw UsageError(std::string("render: --") + opt + " samples a tune; it cannot go with --tokens");
    if (!fromFile && parser.isSet(QStringLiteral("tune")))
        throw UsageError("render: --tune needs --tokens");
    double tempo = 0;
    if (parser.isSet(QStringLiteral("tempo"))) {
        tempo = numberOption(parser, QStringLiteral("tempo"));
        if (!(tempo >= audio::kMinTempo && tempo <= audio::kMaxTempo))
            throw UsageError("--tempo: must be from 10 to 600 beats per minute");
    }
    int program = audio::kDefaultProgram;
    if (parser.isSet(QStringLiteral("program")) &&
        !audio::parseProgram(parser.value(QStringLiteral("program")).toStdString(), program))
        throw UsageError("--program: \"" + parser.value(QStringLiteral("program")).toStdString() +
                         "\" is not an instrument name or a program 0..127");
    if (kind == OutKind::Midi && parser.isSet(QStringLiteral("soundfont")))
        throw UsageError("render: --soundfont is for .wav output");

    const std::string source = fromFile ? parser.value(QStringLiteral("tokens")).toStdString() : std::string("the sampled tune");
    const std::vector<std::string> tokens =
        fromFile ? tokensFromFile(source, integerOption(parser, QStringLiteral("tune"), 1, 1000000)) : tokensFromModel(parser);
    const audio::Performance perf = audio::performTokens(tokens);
    if (perf.notes.empty())
        throw InputError(source, "has no notes to play");

    const double secPerQuarter = audio::secondsPerQuarter(perf.meterNumerator(), perf.meterDenominator(), tempo);
    if (kind == OutKind::Midi) {
        audio::MidiOptions options;
        options.tempo = tempo;
        options.program = program;
        audio::writeMidiFile(out.toStdString(), perf, options);
    } else {
        audio::SynthOptions options;
        options.soundFont = parser.value(QStringLiteral("soundfont")).toStdString();
        audio::Synthesizer synth(options);
        audio::writeWavFile(out.toStdString(), synth.render(perf, secPerQuarter, program));
    }
    std::printf("render: %zu notes, %.2f s (%s) -> %s\n", perf.notes.size(), perf.duration.value() * secPerQuarter,
                audio::programName(program).c_str(), out.toLocal8Bit().constData());
    return 0;
}

} // namespace folkrnn::cli

#include "CliCommon.h"
#include "Commands.h"

#include "core/analysis/CorpusQuery.h"
#include "core/analysis/CorpusQueryCsv.h"
#include "core/model/TokenText.h"
#include "core/util/AtomicFile.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace folkrnn::cli {

namespace {

using namespace folkrnn::analysis;

void writeTextFile(const std::string &path, const std::string &text)
{
    writeAtomically(path, [&](const std::filesystem::path &tmp) {
        std::ofstream f(tmp, std::ios::binary);
        f << text;
        f.close();
        if (!f)
            throw InputError(path, "cannot be written");
    });
}

// "3:156,3:203,1:all": layers from 1, units from 0; "L:all" is every unit of layer L.
std::vector<QueryUnit> parseUnits(const QString &text, const Model &model)
{
    std::vector<QueryUnit> units;
    for (const QString &item : text.split(QLatin1Char(','))) {
        const QStringList lu = item.trimmed().split(QLatin1Char(':'));
        bool okL = false, okU = false;
        const int layer = lu.size() == 2 ? lu[0].toInt(&okL) : 0;
        if (!okL || layer < 1 || layer > model.numLayers())
            throw UsageError("--units: \"" + item.toStdString() + "\" is not LAYER:UNIT with a layer from 1 to " +
                             std::to_string(model.numLayers()));
        if (lu[1] == QLatin1String("all")) {
            for (int u = 0; u < model.hiddenSize(); ++u)
                units.push_back({layer - 1, u});
            continue;
        }
        const int unit = lu[1].toInt(&okU);
        if (!okU || unit < 0 || unit >= model.hiddenSize())
            throw UsageError("--units: \"" + item.toStdString() + "\" names no unit (units are 0 to " +
                             std::to_string(model.hiddenSize() - 1) + ", or \"all\")");
        units.push_back({layer - 1, unit});
    }
    std::sort(units.begin(), units.end());
    units.erase(std::unique(units.begin(), units.end()), units.end());
    return units;
}

// "FROM-TO" (inclusive, both >= 0).
void parseRange(const QString &text, const char *option, long long max, long long &from, long long &to)
{
    const QStringList p = text.split(QLatin1Char('-'));
    bool okA = false, okB = false;
    if (p.size() == 2) {
        from = p[0].toLongLong(&okA);
        to = p[1].toLongLong(&okB);
    }
    if (!okA || !okB || from < 0 || to < from || to > max)
        throw UsageError(std::string(option) + ": \"" + text.toStdString() +
                         "\" is not a range FROM-TO with 0 <= FROM <= TO <= " + std::to_string(max));
}

std::string percent(double v)
{
    if (std::isnan(v))
        return "n/a";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", v * 100.0);
    return buf;
}

void printSummary(const CorpusQueryResult &r, const CorpusQuerySettings &settings, const Model &model)
{
    std::string out = "query: " + std::to_string(r.runs) + " run(s), " + std::to_string(r.steps) + " steps, " +
                      std::to_string(r.units.size()) + " unit(s); pattern length " + std::to_string(r.pattern.length) +
                      ", " + std::to_string(r.pattern.before) + " off before, " + std::to_string(r.pattern.after) +
                      " off after, " + (r.pattern.below ? "<= " : ">= ") + std::to_string(r.pattern.threshold) + "\n";
    for (std::size_t k = 0; k < settings.targets.size(); ++k) {
        const std::string target = formatAnnotationKey(settings.targets[k], model.vocabulary);
        int shown = 0;
        for (const UnitTargetStats &s : r.unitStats) {
            if (s.target != static_cast<int>(k) || (s.unit.layer >= 0 && shown >= 5))
                continue;
            const std::string who = s.unit.layer < 0 ? std::string("  all units together")
                                                     : "  layer " + std::to_string(s.unit.layer + 1) + " unit " +
                                                           std::to_string(s.unit.unit);
            out += who + ": at " + percent(s.recall) + " of " + std::to_string(s.targets) + " " + target +
                   " steps; " + percent(s.precision) + " of its " + std::to_string(s.matches) + " matches\n";
            shown += s.unit.layer >= 0;
        }
    }
    if (r.cancelled)
        out += "query: cancelled after " + std::to_string(r.runs) + " of " + std::to_string(r.runsPlanned) + " runs\n";
    writeOut(out);
}

} // namespace

int runQuery(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(modelOption());
    parser.addOption({QStringLiteral("units"), QStringLiteral("Units to follow: LAYER:UNIT,... (layers from 1, units from 0; LAYER:all for a whole layer)."), QStringLiteral("L:U,...")});
    parser.addOption({QStringLiteral("pattern"), QStringLiteral("Define the units on the first run: those on at steps FROM-TO (from 0) and off around them."), QStringLiteral("FROM-TO")});
    parser.addOption({QStringLiteral("layer"), QStringLiteral("With --pattern: the layer, from 1 (default: the top layer)."), QStringLiteral("L")});
    parser.addOption({QStringLiteral("signal"), QStringLiteral("h, c, i, f, o or g."), QStringLiteral("S"), QStringLiteral("h")});
    parser.addOption({QStringLiteral("threshold"), QStringLiteral("A unit is on at or above this value."), QStringLiteral("T"), QStringLiteral("0.5")});
    parser.addOption({QStringLiteral("below"), QStringLiteral("On means at or below the threshold (dips instead of spikes).")});
    parser.addOption({QStringLiteral("before"), QStringLiteral("Steps before the range that must be off."), QStringLiteral("N"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("after"), QStringLiteral("Steps after the range that must be off."), QStringLiteral("N"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("length"), QStringLiteral("With --units: steps the units must be on (default 1, a spike)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("lag"), QStringLiteral("A target step t counts when step t-N is in a match (default 0: the state the target token is drawn from)."), QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("target"), QStringLiteral("Steps to line the pattern up with (repeatable): bar-line (default), token:|, category:measure, bar-position:8, bar-eighth:0, part:2, ending:1, repeat, pitch:12."), QStringLiteral("SPEC")});
    parser.addOption({QStringLiteral("corpus"), QStringLiteral("Teacher-force every tune of this folk-rnn token corpus file."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("seeds"), QStringLiteral("Sample one tune per seed A..B (each as the original sampler with that seed)."), QStringLiteral("A-B")});
    parser.addOption({QStringLiteral("temperature"), QStringLiteral("With --seeds: softmax temperature (> 0)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("prime"), QStringLiteral("With --seeds: tokens to start each tune with."), QStringLiteral("TOKENS")});
    parser.addOption({QStringLiteral("max-length"), QStringLiteral("With --seeds: steps at most per tune."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Runs recorded at once (default: one per core)."), QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("recurrences"), QStringLiteral("Also write where all the units match together, with the music there (CSV)."), QStringLiteral("FILE.csv")});
    parser.addOption({QStringLiteral("stats"), QStringLiteral("Also compute every unit's mean per value of this annotation (repeatable): bar-position, bar-eighth, category, bar, part, ..."), QStringLiteral("TRACK")});
    parser.addOption({QStringLiteral("stats-out"), QStringLiteral("Where --stats goes (CSV)."), QStringLiteral("FILE.csv")});
    parser.addOption({QStringLiteral("progress"), QStringLiteral("Report progress on stderr.")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Per unit and target: how often the pattern precedes the target (CSV)."), QStringLiteral("RESULT.csv")});
    parseOrThrow(parser, args, QStringLiteral("query"),
                 QStringLiteral("Pattern query over many runs (LSTMVis-style): which units are on over a range of "
                                "steps and off around it, and how often that precedes bar lines or other "
                                "annotations across a corpus or a seed range."));

    const auto isSet = [&](const char *name) { return parser.isSet(QString::fromLatin1(name)); };
    if (!isSet("out"))
        throw UsageError("query: --out RESULT.csv is required");
    if (isSet("units") == isSet("pattern"))
        throw UsageError("query: give either --units L:U,... or --pattern FROM-TO");
    if (isSet("corpus") == isSet("seeds"))
        throw UsageError("query: give either --corpus FILE or --seeds A-B");
    if (isSet("length") && !isSet("units"))
        throw UsageError("--length: only with --units (--pattern takes its length from FROM-TO)");
    if (isSet("layer") && !isSet("pattern"))
        throw UsageError("--layer: only with --pattern (--units names layers itself)");
    for (const char *o : {"temperature", "prime", "max-length"})
        if (isSet(o) && !isSet("seeds"))
            throw UsageError(std::string("--") + o + ": only with --seeds");
    if (isSet("stats") != isSet("stats-out"))
        throw UsageError("query: --stats TRACK and --stats-out FILE.csv go together");

    CorpusQuerySettings settings;
    if (!parseSignal(parser.value(QStringLiteral("signal")).toStdString(), settings.signal))
        throw UsageError("--signal: \"" + parser.value(QStringLiteral("signal")).toStdString() +
                         "\" is not one of h, c, i, f, o, g");
    settings.pattern.threshold = numberOption(parser, QStringLiteral("threshold"));
    if (!std::isfinite(settings.pattern.threshold))
        throw UsageError("--threshold: must be a finite number");
    settings.pattern.below = isSet("below");
    settings.pattern.before = static_cast<int>(integerOption(parser, QStringLiteral("before"), 0, kMaxSteps));
    settings.pattern.after = static_cast<int>(integerOption(parser, QStringLiteral("after"), 0, kMaxSteps));
    if (isSet("length"))
        settings.pattern.length = static_cast<int>(integerOption(parser, QStringLiteral("length"), 1, kMaxSteps));
    settings.lag = static_cast<int>(integerOption(parser, QStringLiteral("lag"), 0, kMaxSteps));
    settings.threads = static_cast<int>(integerOption(parser, QStringLiteral("threads"), 0, 256));
    for (const QString &name : parser.values(QStringLiteral("stats"))) {
        AnnotationTrack track;
        if (!parseAnnotationTrack(name.toStdString(), track))
            throw UsageError("--stats: \"" + name.toStdString() +
                             "\" is not an annotation (token, category, bar-line, bar-position, bar-eighth, bar, "
                             "part, repeat, ending, pitch)");
        settings.statsTracks.push_back(track);
    }
    const std::string out = parser.value(QStringLiteral("out")).toStdString();

    auto model = loadModelOption(parser);
    if (isSet("units")) {
        settings.units = parseUnits(parser.value(QStringLiteral("units")), *model);
    } else {
        long long from = 0, to = 0;
        parseRange(parser.value(QStringLiteral("pattern")), "--pattern", kMaxSteps - 1, from, to);
        settings.defineFirst = static_cast<int>(from);
        settings.defineLast = static_cast<int>(to);
        settings.defineLayer = isSet("layer") ? static_cast<int>(integerOption(parser, QStringLiteral("layer"), 1,
                                                                               model->numLayers())) - 1
                                              : model->numLayers() - 1;
    }
    if (isSet("target")) {
        settings.targets.clear();
        for (const QString &t : parser.values(QStringLiteral("target")))
            settings.targets.push_back(parseAnnotationKey(t.toStdString(), model->vocabulary, "--target"));
    }

    CorpusSpec corpus;
    if (isSet("corpus")) {
        corpus = corpusFromTokenFile(*model, parser.value(QStringLiteral("corpus")).toStdString());
    } else {
        long long a = 0, b = 0;
        parseRange(parser.value(QStringLiteral("seeds")), "--seeds", 4294967295LL, a, b);
        if (b - a >= 1000000)
            throw UsageError("--seeds: at most 1000000 seeds at once");
        corpus.firstSeed = static_cast<std::uint32_t>(a);
        corpus.seedCount = static_cast<int>(b - a + 1);
        if (isSet("temperature")) {
            corpus.temperature = numberOption(parser, QStringLiteral("temperature"));
            if (!(corpus.temperature > 0.0) || !std::isfinite(corpus.temperature))
                throw UsageError("--temperature: must be a positive number");
        }
        if (isSet("max-length"))
            corpus.maxLength = static_cast<int>(integerOption(parser, QStringLiteral("max-length"), 1, kMaxSteps));
        if (isSet("prime"))
            corpus.prime = encodeTokens(model->vocabulary, parser.value(QStringLiteral("prime")).toStdString(), "--prime");
    }

    const bool progress = isSet("progress");
    CorpusQueryResult result;
    try {
        result = runCorpusQuery(model, corpus, settings, [&](int done, int total) {
            if (progress)
                std::fprintf(stderr, "\rquery: %d/%d runs", done, total);
            return true;
        });
    } catch (const std::invalid_argument &e) {
        throw UsageError(std::string("query: ") + e.what());
    }
    if (progress)
        std::fputc('\n', stderr);
    if (result.units.empty())
        writeOut("query: no unit of layer " + std::to_string(settings.defineLayer + 1) + " matches steps " +
                 std::to_string(settings.defineFirst) + "-" + std::to_string(settings.defineLast) + " of " +
                 corpus.runName(0) + "; the result has no units\n");

    writeTextFile(out, corpusUnitsCsv(result, settings, model->vocabulary));
    if (isSet("recurrences"))
        writeTextFile(parser.value(QStringLiteral("recurrences")).toStdString(),
                      corpusRecurrencesCsv(result, corpus, model->vocabulary));
    if (isSet("stats-out"))
        writeTextFile(parser.value(QStringLiteral("stats-out")).toStdString(),
                      corpusStatsCsv(result, settings, model->vocabulary));
    printSummary(result, settings, *model);
    return 0;
}

} // namespace folkrnn::cli

#include "CliCommon.h"
#include "Commands.h"

#include "core/model/TokenText.h"
#include "core/session/OpenSession.h"
#include "core/sim/Generator.h"
#include "core/util/Error.h"

#ifdef FOLKRNN_CLI_FIGURES
#include "FigureRenderer.h"
#endif

#include <QDir>
#include <QFileInfo>
#include <QSize>

#include <cmath>
#include <cstdio>

namespace folkrnn::cli {

namespace {

QSize parseSize(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const int w = parts.size() == 2 ? parts[0].toInt(&okW) : 0;
    const int h = parts.size() == 2 ? parts[1].toInt(&okH) : 0;
    if (!okW || !okH || w < 50 || h < 50 || w > 10000 || h > 10000)
        throw UsageError("--size: \"" + text.toStdString() + "\" is not WIDTHxHEIGHT with each from 50 to 10000");
    return {w, h};
}

// --units L:U1,U2 (layer from 1, units from 0, as --ablate) into the selection.
void parseUnits(const QString &text, const Run &run, SessionSelection &selection)
{
    const auto bad = [&](const std::string &why) {
        return UsageError("--units: \"" + text.toStdString() + "\" " + why);
    };
    const int colon = int(text.indexOf(QLatin1Char(':')));
    bool ok = false;
    const int layer = text.left(colon).toInt(&ok);
    if (colon < 0 || !ok || layer < 1 || layer > run.numLayers())
        throw bad("must be LAYER:UNIT,UNIT... with LAYER from 1 to " + std::to_string(run.numLayers()));
    selection.layer = layer - 1;
    selection.units.clear();
    for (const QString &u : text.mid(colon + 1).split(QLatin1Char(','))) {
        const int unit = u.toInt(&ok);
        if (!ok || unit < 0 || unit >= run.hiddenSize())
            throw bad("has a unit that is not from 0 to " + std::to_string(run.hiddenSize() - 1));
        selection.units.push_back(unit);
    }
}

} // namespace

// folkrnn-cli export-figures: every view of the inspector drawn into files, without a display.
int runExportFigures(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("session"), QStringLiteral("Draw this saved session (its stored run and selection)."),
                      QStringLiteral("FILE")});
    parser.addOption(modelOption());
    addSamplingOptions(parser);
    parser.addOption({QStringLiteral("steps"), QStringLiteral("Steps to generate (default: to </s>, at most 1000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("step"), QStringLiteral("The step shown as current (default: the session's, else 0)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("units"), QStringLiteral("Selected units: LAYER:UNIT,UNIT (layer from 1)."),
                      QStringLiteral("L:U,...")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Folder to write into (created if missing)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("Comma-separated formats: png, svg, pdf, csv."),
                      QStringLiteral("LIST"), QStringLiteral("png")});
    parser.addOption({QStringLiteral("size"), QStringLiteral("Figure size in logical pixels, 96 per inch."),
                      QStringLiteral("WxH"), QStringLiteral("720x450")});
    parser.addOption({QStringLiteral("dpi"), QStringLiteral("PNG resolution (pixels per inch)."), QStringLiteral("N"),
                      QStringLiteral("300")});
    parseOrThrow(parser, args, QStringLiteral("export-figures"),
                 QStringLiteral("Draw every view of the inspector into files (one per view and format, named "
                                "after the view), without a display."));

    if (!parser.isSet(QStringLiteral("out")))
        throw UsageError("export-figures: --out DIR is required");
    const bool fromSession = parser.isSet(QStringLiteral("session"));
    for (const char *option : {"seed", "temperature", "prime", "steps"})
        if (fromSession && parser.isSet(QLatin1String(option)))
            throw UsageError(std::string("export-figures: --session and --") + option + " cannot be used together");
    QStringList formats;
    for (const QString &f : parser.value(QStringLiteral("format")).toLower().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!QStringList{QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf"), QStringLiteral("csv")}.contains(f.trimmed()))
            throw UsageError("--format: \"" + f.toStdString() + "\" is not one of png, svg, pdf, csv");
        if (!formats.contains(f.trimmed()))
            formats << f.trimmed();
    }
    if (formats.isEmpty())
        throw UsageError("--format: give at least one of png, svg, pdf, csv");
    const QSize size = parseSize(parser.value(QStringLiteral("size")));
    const int dpi = static_cast<int>(integerOption(parser, QStringLiteral("dpi"), 36, 1200));

    std::shared_ptr<const Run> run;
    std::shared_ptr<const Model> model;
    SessionSelection selection;
    if (fromSession) {
        const std::string path = parser.value(QStringLiteral("session")).toStdString();
        OpenSessionOptions options;
        options.modelPath = parser.value(QStringLiteral("model")).toStdString();
        options.recordSignals = false; // the stored trace is drawn; the model serves the weight views
        OpenedSession opened = openSession(path, options);
        run = opened.session.run;
        model = opened.model;
        selection = opened.session.selection;
        if (!model)
            std::fprintf(stderr, "folkrnn-cli: note: %s; the weight views are drawn without it\n",
                         opened.modelProblem.c_str());
    } else {
        model = loadModelOption(parser);
        GenerationSettings settings;
        readSeedAndTemperature(parser, settings);
        settings.prime = encodeTokens(model->vocabulary, parser.value(QStringLiteral("prime")).toStdString(), "--prime");
        if (parser.isSet(QStringLiteral("steps")))
            settings.maxLength = static_cast<int>(integerOption(parser, QStringLiteral("steps"), 1, kMaxSteps));
        validateSettings(settings, *model);
        auto generator = std::make_shared<Generator>(model, settings);
        generator->runToEnd();
        run = std::shared_ptr<const Run>(generator, &generator->run());
    }
    if (parser.isSet(QStringLiteral("step")))
        selection.step = static_cast<int>(integerOption(parser, QStringLiteral("step"), 0, std::max(0, run->steps() - 1)));
    if (parser.isSet(QStringLiteral("units")))
        parseUnits(parser.value(QStringLiteral("units")), *run, selection);

    const QString out = parser.value(QStringLiteral("out"));
    if (QFileInfo(out).exists() && !QFileInfo(out).isDir())
        throw InputError(out.toStdString(), "is a file, not a folder");
    if (!QDir().mkpath(out))
        throw InputError(out.toStdString(), "the folder cannot be created");

#ifdef FOLKRNN_CLI_FIGURES
    figures::FigureJob job{run, model, selection, out, formats, size, dpi};
    const QStringList written = figures::renderFigures(job);
    writeOut("wrote " + std::to_string(written.size()) + " files to " + QDir::toNativeSeparators(out).toStdString() + "\n");
    return 0;
#else
    (void)size;
    (void)dpi;
    throw UsageError("export-figures: this folkrnn-cli was built without the GUI (FOLKRNN_BUILD_GUI=OFF)");
#endif
}

} // namespace folkrnn::cli

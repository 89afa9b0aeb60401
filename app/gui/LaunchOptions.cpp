#include "LaunchOptions.h"

#include "core/session/SessionFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace folkrnn::gui {

namespace {
// lupdate files a tr() call under its enclosing class; a free function has none, so its strings
// take the context "LaunchOptions" from this class.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(LaunchOptions)
};
} // namespace

std::optional<LaunchOptions> parseLaunchOptions(const QStringList &arguments, QString &error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Step through a folk-rnn model's generation token by token."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption model({QStringLiteral("m"), QStringLiteral("model")}, Text::tr("Model file (.h5 or .pkl)."), Text::tr("FILE"));
    const QCommandLineOption seed(QStringLiteral("seed"), Text::tr("RNG seed (0..4294967295)."), Text::tr("N"));
    const QCommandLineOption temperature(QStringLiteral("temperature"), Text::tr("Softmax temperature (> 0)."), Text::tr("T"));
    const QCommandLineOption prime(QStringLiteral("prime"), Text::tr("Tokens to start with, separated by spaces."), Text::tr("TOKENS"));
    const QCommandLineOption tune(QStringLiteral("trace"), Text::tr("Trace this tune (tokens or ABC) instead of sampling."), Text::tr("TEXT"));
    const QCommandLineOption steps(QStringLiteral("steps"), Text::tr("Generate N steps at start."), Text::tr("N"));
    const QCommandLineOption units(QStringLiteral("units"), Text::tr("Select these units, e.g. 3,17,40."), Text::tr("LIST"));
    const QCommandLineOption layer(QStringLiteral("layer"), Text::tr("Show this layer (from 1)."), Text::tr("N"));
    const QCommandLineOption signal(QStringLiteral("signal"), Text::tr("Show this signal: h, c, i, f, o or g."), Text::tr("S"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        Text::tr("Save a picture of the window to FILE once laid out, then quit."), Text::tr("FILE"));
    const QCommandLineOption size(QStringLiteral("window-size"), Text::tr("Window size, e.g. 1600x1000."), Text::tr("WxH"));
    const QCommandLineOption defaultLayout(QStringLiteral("default-layout"), Text::tr("Ignore the saved window layout."));
    const QCommandLineOption clamp(QStringLiteral("clamp"), Text::tr("Clamp unit U of layer L to V at steps FROM..TO, as in folkrnn-cli (repeatable)."), Text::tr("L:U=V[@FROM-TO]"));
    const QCommandLineOption ablate(QStringLiteral("ablate"), Text::tr("Clamp these units of layer L to 0 (repeatable)."), Text::tr("L:U1,U2,..."));
    parser.addOptions({model, seed, temperature, prime, tune, steps, units, layer, signal, screenshot, size, defaultLayout,
                       clamp, ablate});
    parser.addPositionalArgument(Text::tr("FILE"),
                                 Text::tr("A session (.frnsession) to open, or a model file (.h5 or .pkl) as with --model."),
                                 Text::tr("[FILE]"));
    if (!parser.parse(arguments)) {
        error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    LaunchOptions o;
    o.model = parser.value(model);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        error = Text::tr("one FILE at most, not %1: %2").arg(files.size()).arg(files.join(QLatin1Char(' ')));
        return std::nullopt;
    }
    if (!files.isEmpty()) {
        // By name, as the file manager chose us: a session is HDF5 too, so content cannot tell a
        // model from a session without reading it, and the extension is what the MIME type says.
        const QString suffix = QLatin1Char('.') + QFileInfo(files.front()).suffix();
        if (suffix.compare(QLatin1String(folkrnn::kSessionExtension), Qt::CaseInsensitive) == 0) {
            o.session = files.front();
        } else if (!o.model.isEmpty()) {
            error = Text::tr("two models given (--model %1 and %2): give one").arg(o.model, files.front());
            return std::nullopt;
        } else {
            o.model = files.front();
        }
    }
    if (parser.isSet(seed))
        o.seed = parser.value(seed);
    if (parser.isSet(prime))
        o.prime = parser.value(prime);
    if (parser.isSet(tune))
        o.tune = parser.value(tune);
    if (parser.isSet(temperature)) {
        bool ok = false;
        o.temperature = parser.value(temperature).toDouble(&ok);
        if (!ok) {
            error = Text::tr("--temperature: not a number: %1").arg(parser.value(temperature));
            return std::nullopt;
        }
    }
    if (parser.isSet(steps)) {
        bool ok = false;
        o.steps = parser.value(steps).toInt(&ok);
        if (!ok || o.steps < 0) {
            error = Text::tr("--steps: not a step count: %1").arg(parser.value(steps));
            return std::nullopt;
        }
    }
    for (const QString &u : parser.value(units).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        o.units << u.trimmed().toInt(&ok);
        if (!ok || o.units.back() < 0) {
            error = Text::tr("--units: not a unit number: %1").arg(u);
            return std::nullopt;
        }
    }
    if (parser.isSet(layer)) {
        bool ok = false;
        o.layer = parser.value(layer).toInt(&ok);
        if (!ok || o.layer < 1) {
            error = Text::tr("--layer: not a layer number (from 1): %1").arg(parser.value(layer));
            return std::nullopt;
        }
    }
    o.signal = parser.value(signal);
    if (!o.signal.isEmpty() && (o.signal.size() != 1 || !QStringLiteral("hcifog").contains(o.signal))) {
        error = Text::tr("--signal: one of h, c, i, f, o, g: %1").arg(o.signal);
        return std::nullopt;
    }
    o.screenshot = parser.value(screenshot);
    o.clamps = parser.values(clamp);
    o.ablations = parser.values(ablate);
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        if (wh.size() == 2)
            o.windowSize = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
        if (!okW || !okH || o.windowSize.width() < 200 || o.windowSize.height() < 200) {
            error = Text::tr("--window-size: expected WxH, e.g. 1600x1000: %1").arg(parser.value(size));
            return std::nullopt;
        }
    }
    o.defaultLayout = parser.isSet(defaultLayout) || !o.screenshot.isEmpty();
    return o;
}

} // namespace folkrnn::gui

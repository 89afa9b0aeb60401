#include "CliCommon.h"
#include "Commands.h"

#include "core/util/Error.h"

#ifdef FOLKRNN_CLI_FIGURES
#include "FigureRenderer.h"
#endif

#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <memory>
#include <exception>
#include <functional>
#include <map>
#include <new>

namespace {

struct Command {
    std::function<int(const QStringList &)> run;
    const char *summary;
};

const std::map<QString, Command> &commands()
{
    using namespace folkrnn::cli;
    static const std::map<QString, Command> table{
        {QStringLiteral("info"), {runInfo, "describe a model: layers, units, vocabulary, parameters"}},
        {QStringLiteral("generate"), {runGenerate, "sample tunes exactly as folk-rnn's sample_rnn.py does"}},
        {QStringLiteral("trace"), {runTrace, "record a run with its spectra and weight analyses to HDF5"}},
        {QStringLiteral("tokenize"), {runTokenize, "convert ABC files to a folk-rnn token corpus"}},
        {QStringLiteral("detokenize"), {runDetokenize, "write a folk-rnn token corpus as ABC"}},
        {QStringLiteral("import"), {runImport, "convert a folk-rnn .pkl model to the HDF5 model format"}},
        {QStringLiteral("replay"), {runReplay, "replay a saved session and check it reproduces its tune"}},
        {QStringLiteral("render"), {runRender, "play a tune into a MIDI or WAV file"}},
        {QStringLiteral("query"), {runQuery, "find units by a pattern of steps and where it recurs over many runs"}},
        {QStringLiteral("export-figures"), {runExportFigures, "draw every view of the inspector into PNG/SVG/PDF files"}},
    };
    return table;
}

void printUsage(FILE *to)
{
    std::fprintf(to, "Usage: folkrnn-cli COMMAND [OPTIONS]   (folkrnn-cli COMMAND --help for details)\n\n"
                     "Commands:\n");
    for (const auto &[name, cmd] : commands())
        std::fprintf(to, "  %-16s %s\n", name.toLocal8Bit().constData(), cmd.summary);
    std::fprintf(to, "\n  --version        print the version\n");
}

int fail(const std::string &message)
{
    std::fprintf(stderr, "folkrnn-cli: %s\n", message.c_str());
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
#ifdef FOLKRNN_CLI_FIGURES
    // Only export-figures draws, so only it needs QtGui (offscreen: no display either).
    const auto app = argc > 1 && std::strcmp(argv[1], "export-figures") == 0
                         ? folkrnn::figures::makeRenderingApplication(argc, argv)
                         : std::make_unique<QCoreApplication>(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("folkrnn-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FOLKRNN_VERSION));
    // From argv itself: a QApplication would take Qt's own options (-session, -style...) out.
    QStringList args;
    for (int k = 1; k < argc; ++k)
        args << QString::fromLocal8Bit(argv[k]);
    if (args.isEmpty()) {
        printUsage(stderr);
        return 2;
    }
    const QString first = args.takeFirst();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        std::printf("folkrnn-cli %s\n", FOLKRNN_VERSION);
        return 0;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printUsage(stdout);
        return 0;
    }
    const auto it = commands().find(first);
    if (it == commands().end())
        return fail("unknown command \"" + first.toStdString() + "\" (try folkrnn-cli --help)");
    try {
        return it->second.run(args);
    } catch (const folkrnn::cli::UsageError &e) {
        return fail(e.what());
    } catch (const folkrnn::InputError &e) {
        return fail(e.what());
    } catch (const std::bad_alloc &) {
        return fail("out of memory: the input asks for more memory than is available");
    } catch (const std::exception &e) {
        return fail(std::string("unexpected error: ") + e.what());
    }
}

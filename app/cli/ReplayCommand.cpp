#include "CliCommon.h"
#include "Commands.h"

#include "core/session/OpenSession.h"
#include "core/util/Error.h"

#include <cstdio>

namespace folkrnn::cli {

// folkrnn-cli replay FILE: replays a saved session with its model and checks that the stored
// tokens come out again. Exit 0 when they do, 1 when they do not (the first differing step is
// printed), 2 when the file is bad or its model cannot be used.
int runReplay(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("model"),
                      QStringLiteral("Model file to replay with (default: the one the session names)."),
                      QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Session file (.frnsession)."));
    parseOrThrow(parser, args, QStringLiteral("replay"),
                 QStringLiteral("Replay a saved session and check that it reproduces its stored tune."));
    if (parser.positionalArguments().size() != 1)
        throw UsageError("replay: give exactly one session FILE");
    const std::string path = parser.positionalArguments().front().toStdString();

    OpenSessionOptions options;
    options.modelPath = parser.value(QStringLiteral("model")).toStdString();
    options.recordSignals = false; // the tokens are what is checked
    const OpenedSession opened = openSession(path, options);
    if (!opened.replay)
        throw InputError(path, "cannot replay: " + opened.modelProblem + " (give the model with --model FILE)");

    const ReplayCheck &check = *opened.replay;
    if (!check.reproduced()) {
        writeOut(path + ": the replay differs from the stored tune at " +
                 check.describeDifference(opened.session.run->vocabulary()) + " (stored " +
                 std::to_string(check.storedSteps) + " steps, replayed " + std::to_string(check.replayedSteps) +
                 ")\n");
        return 1;
    }
    char diff[64];
    std::snprintf(diff, sizeof diff, "%.3g", check.maxLogProbDifference);
    writeOut(path + ": replayed " + std::to_string(check.replayedSteps) + " steps with " + opened.modelPath +
             ": the stored tokens are reproduced (largest log-probability difference " + diff + ")\n");
    return 0;
}

} // namespace folkrnn::cli

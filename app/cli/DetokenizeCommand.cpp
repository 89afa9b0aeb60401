#include "CliCommon.h"
#include "Commands.h"

#include "core/abc/TokenCorpus.h"
#include "core/abc/TokensToAbc.h"

namespace folkrnn::cli {

// folk-rnn token corpus -> ABC tunes on stdout (X:1, X:2, ...).
int runDetokenize(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("corpus"), QStringLiteral("folk-rnn token corpus file."),
                                 QStringLiteral("CORPUS.txt"));
    parseOrThrow(parser, args, QStringLiteral("detokenize"),
                 QStringLiteral("Write every tune of a folk-rnn token corpus as ABC. Tokens that cannot be placed "
                                "as valid music (a chord never closed, an ending that closes nothing) are kept "
                                "in \"^folk-rnn: ...\" annotations, so tokenize gives the same tokens back."));
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        throw UsageError("detokenize: give exactly one corpus file (folkrnn-cli detokenize --help)");
    writeOut(corpusToAbc(readTokenCorpus(files.front().toStdString())));
    return 0;
}

} // namespace folkrnn::cli

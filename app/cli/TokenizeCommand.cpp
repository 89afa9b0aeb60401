#include "CliCommon.h"
#include "Commands.h"

#include "core/abc/AbcFile.h"
#include "core/abc/TokenCorpus.h"
#include "core/util/AtomicFile.h"
#include "core/util/Error.h"

#include <cstdio>
#include <fstream>

namespace folkrnn::cli {

// ABC files -> folk-rnn token corpus, as folk-rnn's data preparation did. The corpus goes to
// stdout or, atomically, to --out; what happened to every tune goes to stderr.
int runTokenize(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("ABC files to convert."),
                                 QStringLiteral("FILE.abc..."));
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Write the token corpus to FILE (replaced atomically) instead of stdout."),
                      QStringLiteral("FILE")});
    parseOrThrow(parser, args, QStringLiteral("tokenize"),
                 QStringLiteral("Convert ABC tunes to folk-rnn tokens: unit length 1/8, transposed to root C in "
                                "their mode, only what the vocabulary can say. Tunes that cannot be converted "
                                "are skipped, each with its reason on stderr."));
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        throw UsageError("tokenize: give at least one ABC file (folkrnn-cli tokenize --help)");

    std::vector<std::vector<std::string>> converted;
    std::size_t skipped = 0;
    for (const QString &file : files) {
        for (const abc::TuneConversion &tune : tokenizeAbcFile(file.toStdString())) {
            if (tune.converted) {
                converted.push_back(tune.tokens);
            } else {
                ++skipped;
                std::fprintf(stderr, "skipped %s: %s\n", tune.where.c_str(), tune.reason.c_str());
            }
        }
    }
    std::fprintf(stderr, "tokenize: %zu tune%s converted, %zu skipped\n", converted.size(),
                 converted.size() == 1 ? "" : "s", skipped);
    if (converted.empty())
        throw InputError("tokenize", "no tune could be converted, nothing written");

    const std::string corpus = formatTokenCorpus(converted);
    if (!parser.isSet(QStringLiteral("out"))) {
        writeOut(corpus);
        return 0;
    }
    const std::string out = parser.value(QStringLiteral("out")).toStdString();
    writeAtomically(out, [&](const std::filesystem::path &tmp) {
        std::ofstream f(tmp, std::ios::binary);
        f << corpus;
        f.close();
        if (!f)
            throw InputError(out, "cannot be written");
    });
    return 0;
}

} // namespace folkrnn::cli

#include "CliCommon.h"
#include "Commands.h"

#include "core/model/ModelFile.h"
#include "core/pickle/FolkRnnPickle.h"
#include "core/util/Error.h"

#include <filesystem>

namespace folkrnn::cli {

// folkrnn-cli import IN.pkl OUT.h5: folk-rnn's original model file to the project's HDF5 format.
// saveModelHdf5 writes atomically, so a failed import leaves no partial OUT (and an old OUT intact).
int runImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("IN.pkl"), QStringLiteral("folk-rnn model file, e.g. folkrnn_v2.pkl."));
    parser.addPositionalArgument(QStringLiteral("OUT.h5"), QStringLiteral("HDF5 model file to write."));
    parseOrThrow(parser, args, QStringLiteral("import"),
                 QStringLiteral("Convert a folk-rnn .pkl model to the project's HDF5 model format."));
    const QStringList files = parser.positionalArguments();
    if (files.size() != 2)
        throw UsageError("import: expected two files, IN.pkl and OUT.h5 (got " + std::to_string(files.size()) + ")");
    const std::string in = files[0].toStdString();
    const std::string out = files[1].toStdString();

    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::equivalent(in, out, ec))
        throw UsageError("import: OUT.h5 is the same file as IN.pkl");
    if (fs::is_regular_file(in, ec) && !looksLikePickle(in))
        throw InputError(in, "is not a pickle (expected a folk-rnn .pkl model file)");

    const Model model = loadFolkRnnPickle(in);
    saveModelHdf5(model, out);
    writeOut("imported " + in + ": " + std::to_string(model.numLayers()) + " layers x " +
             std::to_string(model.hiddenSize()) + " units, " + std::to_string(model.vocabSize()) + " tokens, " +
             (model.embedding ? "embedding of width " + std::to_string(model.inputSize()) : std::string("one-hot")) +
             " input, " + std::to_string(model.parameterCount()) + " parameters -> " + out + "\n");
    return 0;
}

} // namespace folkrnn::cli

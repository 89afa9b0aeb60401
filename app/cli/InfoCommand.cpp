#include "CliCommon.h"
#include "Commands.h"

#include "core/abc/TokenCategory.h"
#include "core/model/OpenModel.h"

#include <array>
#include <sstream>

namespace folkrnn::cli {

int runInfo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(modelOption());
    parseOrThrow(parser, args, QStringLiteral("info"), QStringLiteral("Describe a model."));
    const std::string path = modelPathOption(parser);
    auto model = std::make_shared<const Model>(openModel(path));

    std::ostringstream out;
    const Provenance &p = model->provenance;
    // The file first: which of the bundled copies (installed or source tree) was picked.
    out << "file:        " << path << "\n"
        << "name:        " << p.name << "\n"
        << "source:      " << p.source << "\n";
    if (!p.configuration.empty())
        out << "config:      " << p.configuration << "\n";
    if (!p.experimentId.empty())
        out << "experiment:  " << p.experimentId << "\n";
    if (p.epoch >= 0)
        out << "epoch:       " << p.epoch << "\n";
    out << "layers:      " << model->numLayers() << "\n"
        << "units:       " << model->hiddenSize() << " per layer\n"
        << "input:       " << (model->embedding ? "embedding of width " + std::to_string(model->inputSize()) : "one-hot")
        << "\n"
        << "vocabulary:  " << model->vocabSize() << " tokens\n"
        << "parameters:  " << model->parameterCount() << "\n"
        << "tokens by category:\n";
    std::array<std::vector<std::string>, kTokenCategoryCount> byCat;
    for (int id : displayOrder(model->vocabulary))
        byCat[static_cast<std::size_t>(classifyToken(model->vocabulary[static_cast<std::size_t>(id)]))].push_back(
            model->vocabulary[static_cast<std::size_t>(id)]);
    for (int c = 0; c < kTokenCategoryCount; ++c) {
        if (byCat[static_cast<std::size_t>(c)].empty())
            continue;
        out << "  " << categoryName(static_cast<TokenCategory>(c)) << " (" << byCat[static_cast<std::size_t>(c)].size()
            << "):";
        for (const auto &t : byCat[static_cast<std::size_t>(c)])
            out << ' ' << t;
        out << "\n";
    }
    writeOut(out.str());
    return 0;
}

} // namespace folkrnn::cli

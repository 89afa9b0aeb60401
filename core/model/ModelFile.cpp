#include "core/model/ModelFile.h"

#include "core/hdf5/Hdf5Util.h"
#include "core/util/AtomicFile.h"
#include "core/util/Error.h"
#include "core/util/MemoryBudget.h"

#include <H5Cpp.h>

#include <cstring>
#include <fstream>

namespace folkrnn {

namespace {

std::string layerPath(int j) { return "/lstm/layer" + std::to_string(j); }

LstmLayer readLayer(const H5::H5File &file, int j)
{
    const std::string base = layerPath(j) + "/";
    LstmLayer layer;
    for (Gate g : kGates) {
        const int k = static_cast<int>(g);
        layer.Wx[k] = h5::readMatrix(file, base + "W_x" + gateSuffix(g));
        layer.Wh[k] = h5::readMatrix(file, base + "W_h" + gateSuffix(g));
        layer.b[k] = h5::readVector(file, base + "b_" + gateSuffix(g));
    }
    layer.h0 = h5::readVector(file, base + "h0");
    layer.c0 = h5::readVector(file, base + "c0");
    return layer;
}

// The values a weight array declares, before it is read: a file of a few kilobytes can declare
// arrays of terabytes (HDF5 allocates chunks lazily and fills the rest), so the total is checked
// against the memory budget first. Rank and type problems are left to the typed readers.
std::uint64_t declaredValues(const H5::H5File &file, const std::string &path)
{
    if (!h5::exists(file, path))
        return 0;
    const H5::DataSpace space = file.openDataSet(path).getSpace();
    const int rank = space.getSimpleExtentNdims();
    if (rank < 0 || rank > H5S_MAX_RANK)
        return 0;
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    space.getSimpleExtentDims(dims.data());
    std::uint64_t n = 1;
    for (hsize_t d : dims)
        n = saturatingMultiply(n, d);
    return n;
}

void requireMemoryForWeights(const H5::H5File &file, const std::string &path)
{
    std::uint64_t values = saturatingAdd(declaredValues(file, "/embedding"), declaredValues(file, "/softmax/W"));
    values = saturatingAdd(values, declaredValues(file, "/softmax/b"));
    for (int j = 1; j <= 64 && h5::exists(file, layerPath(j)); ++j) {
        const std::string base = layerPath(j) + "/";
        for (Gate g : kGates)
            for (const std::string name : {"W_x", "W_h", "b_"})
                values = saturatingAdd(values, declaredValues(file, base + name + gateSuffix(g)));
        values = saturatingAdd(values, saturatingAdd(declaredValues(file, base + "h0"), declaredValues(file, base + "c0")));
    }
    // float32 weights in the Model plus the simulator's fused copy of them.
    requireMemory(saturatingMultiply(values, 2 * sizeof(float)), path,
                  "a model of " + std::to_string(values) + " weights");
}

Model readModel(const std::string &path)
{
    H5::H5File file(path, H5F_ACC_RDONLY);
    const std::string format = h5::readStringAttribute(file, "format", "");
    if (format != "folkrnn-model")
        throw InputError(path, "not a folk-rnn model file (attribute format is \"" + format +
                                   "\", expected \"folkrnn-model\")");
    const long long version = h5::readIntAttribute(file, "format_version", -1);
    if (version != kModelFormatVersion)
        throw InputError(path, "unsupported model format version " + std::to_string(version) +
                                   " (this program reads version " + std::to_string(kModelFormatVersion) + ")");
    Model model;
    model.provenance.name = h5::readStringAttribute(file, "name", "");
    model.provenance.source = h5::readStringAttribute(file, "source", "");
    model.provenance.configuration = h5::readStringAttribute(file, "configuration", "");
    model.provenance.experimentId = h5::readStringAttribute(file, "experiment_id", "");
    model.provenance.epoch = h5::readIntAttribute(file, "epoch", -1);
    model.provenance.iterations = h5::readIntAttribute(file, "iterations", -1);
    if (h5::exists(file, "/provenance/losses_train"))
        model.provenance.lossesTrain = h5::readDoubles(file, "/provenance/losses_train");
    if (h5::exists(file, "/provenance/losses_valid"))
        model.provenance.lossesValid = h5::readDoubles(file, "/provenance/losses_valid");

    requireMemoryForWeights(file, path);
    model.vocabulary = h5::readStrings(file, "/vocabulary");
    if (h5::exists(file, "/embedding"))
        model.embedding = h5::readMatrix(file, "/embedding");
    for (int j = 1; h5::exists(file, layerPath(j)); ++j) {
        if (j > 64)
            throw InputError(path, "more than 64 LSTM layers");
        model.layers.push_back(readLayer(file, j));
    }
    model.denseW = h5::readMatrix(file, "/softmax/W");
    model.denseB = h5::readVector(file, "/softmax/b");
    return model;
}

} // namespace

bool looksLikeHdf5(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    char sig[8] = {};
    in.read(sig, 8);
    return in.gcount() == 8 && std::memcmp(sig, "\x89HDF\r\n\x1a\n", 8) == 0;
}

Model loadModelHdf5(const std::string &path)
{
    h5::requireReadableFile(path);
    if (!looksLikeHdf5(path))
        throw InputError(path, "not an HDF5 file");
    Model model;
    try {
        h5::silenceErrors();
        model = readModel(path);
    } catch (const H5::Exception &e) {
        throw InputError(path, "damaged or incomplete HDF5 model (" + h5::describe(e) + ")");
    } catch (const h5::MissingObject &e) {
        throw InputError(path, std::string("missing ") + e.what());
    } catch (const h5::BadObject &e) {
        throw InputError(path, e.what());
    }
    if (model.provenance.source.empty())
        model.provenance.source = path;
    model.validate(path);
    return model;
}

void saveModelHdf5(const Model &model, const std::string &path)
{
    model.validate(path);
    writeAtomically(path, [&](const std::filesystem::path &tmp) {
        try {
            h5::silenceErrors();
            H5::H5File file(tmp.string(), H5F_ACC_TRUNC);
            h5::writeStringAttribute(file, "format", "folkrnn-model");
            h5::writeIntAttribute(file, "format_version", kModelFormatVersion);
            h5::writeStringAttribute(file, "name", model.provenance.name);
            h5::writeStringAttribute(file, "source", model.provenance.source);
            if (!model.provenance.configuration.empty())
                h5::writeStringAttribute(file, "configuration", model.provenance.configuration);
            if (!model.provenance.experimentId.empty())
                h5::writeStringAttribute(file, "experiment_id", model.provenance.experimentId);
            if (model.provenance.epoch >= 0)
                h5::writeIntAttribute(file, "epoch", model.provenance.epoch);
            if (model.provenance.iterations >= 0)
                h5::writeIntAttribute(file, "iterations", model.provenance.iterations);
            h5::writeStrings(file, "/vocabulary", model.vocabulary);
            if (model.embedding)
                h5::writeMatrix(file, "/embedding", *model.embedding);
            file.createGroup("/lstm");
            for (int j = 1; j <= model.numLayers(); ++j) {
                const auto &layer = model.layers[j - 1];
                const std::string base = layerPath(j);
                file.createGroup(base);
                for (Gate g : kGates) {
                    h5::writeMatrix(file, base + "/W_x" + gateSuffix(g), layer.wx(g));
                    h5::writeMatrix(file, base + "/W_h" + gateSuffix(g), layer.wh(g));
                    h5::writeVector(file, base + "/b_" + gateSuffix(g), layer.bias(g));
                }
                h5::writeVector(file, base + "/h0", layer.h0);
                h5::writeVector(file, base + "/c0", layer.c0);
            }
            file.createGroup("/softmax");
            h5::writeMatrix(file, "/softmax/W", model.denseW);
            h5::writeVector(file, "/softmax/b", model.denseB);
            if (!model.provenance.lossesTrain.empty() || !model.provenance.lossesValid.empty()) {
                file.createGroup("/provenance");
                h5::writeDoubles(file, "/provenance/losses_train", model.provenance.lossesTrain);
                h5::writeDoubles(file, "/provenance/losses_valid", model.provenance.lossesValid);
            }
            file.close();
        } catch (const H5::Exception &e) {
            throw InputError(path, "cannot write the model (" + h5::describe(e) + ")");
        }
    });
}

} // namespace folkrnn

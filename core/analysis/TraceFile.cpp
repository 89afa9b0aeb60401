#include "core/analysis/TraceFile.h"

#include "core/analysis/AnnotationTraceFile.h"
#include "core/analysis/Gramian.h"
#include "core/analysis/SoftmaxSvd.h"
#include "core/hdf5/Hdf5Util.h"
#include "core/util/AtomicFile.h"
#include "core/util/Error.h"

#include <H5Cpp.h>

#include <algorithm>
#include <memory>

namespace folkrnn::analysis {

namespace {

std::string layerGroup(int j) { return "/layer" + std::to_string(j); }

void writeContents(H5::H5File &file, const Run &run, const Model &model, const TraceInfo &info,
                   const TraceOptions &options)
{
    const auto T = static_cast<hsize_t>(run.steps());
    const auto V = static_cast<hsize_t>(run.vocabSize());
    const auto H = static_cast<hsize_t>(run.hiddenSize());
    h5::writeStringAttribute(file, "format", "folkrnn-trace");
    h5::writeIntAttribute(file, "format_version", kTraceFormatVersion);
    h5::writeStringAttribute(file, "mode", info.mode);
    h5::writeIntAttribute(file, "seed", static_cast<long long>(info.seed));
    h5::writeDoubleAttribute(file, "temperature", info.temperature);
    h5::writeStringAttribute(file, "model_name", info.modelName);
    h5::writeStringAttribute(file, "model_source", info.modelSource);
    h5::writeIntAttribute(file, "steps", static_cast<long long>(T));
    h5::writeIntAttribute(file, "layers", run.numLayers());
    h5::writeIntAttribute(file, "hidden", run.hiddenSize());

    h5::writeStrings(file, "/vocabulary", run.vocabulary());
    h5::writeInts(file, "/tokens", run.tokens());
    h5::writeInts(file, "/inputs", run.inputs());
    std::vector<int> forced(T), prime(info.prime);
    std::vector<std::string> text(T);
    for (hsize_t t = 0; t < T; ++t) {
        forced[t] = run.forced(static_cast<int>(t)) ? 1 : 0;
        text[t] = run.tokenText(run.token(static_cast<int>(t)));
    }
    h5::writeInts(file, "/forced", forced);
    h5::writeStrings(file, "/token_text", text);
    h5::writeInts(file, "/prime", prime);
    h5::writeDoubleArray(file, "/logprob", run.logProbMatrix().data(), {T, V}, options.compress);
    h5::writeDoubleArray(file, "/logits", run.logitMatrix().data(), {T, V}, options.compress);

    if (run.hasSignals()) {
        for (int j = 1; j <= run.numLayers(); ++j) {
            file.createGroup(layerGroup(j));
            for (Signal s : kSignals)
                h5::writeFloatArray(file, layerGroup(j) + "/" + signalName(s), run.signalMatrix(j - 1, s).data(),
                                    {T, H}, options.compress);
        }
    }
    if (!options.analyses)
        return;
    if (run.hasSignals()) {
        H5::Group spectra = file.createGroup("/spectra");
        file.createGroup("/spectra/strongest_period");
        for (int j = 1; j <= run.numLayers(); ++j) {
            const UnitSpectra sp = unitSpectra(run.signalMatrix(j - 1, Signal::H), options.spectrum);
            const std::string name = "/spectra/layer" + std::to_string(j);
            h5::writeFloatArray(file, name, sp.db.data(), {H, static_cast<hsize_t>(sp.bins())}, options.compress);
            h5::writeFloatArray(file, "/spectra/strongest_period/layer" + std::to_string(j),
                                sp.strongestPeriod.data(), {H}, false);
            if (j == 1) {
                h5::writeIntAttribute(spectra, "fft_length", sp.fftLength);
                h5::writeDoubleAttribute(spectra, "floor_db", sp.floorDb);
                h5::writeIntAttribute(spectra, "remove_mean", options.spectrum.removeMean ? 1 : 0);
            }
        }
    }
    file.createGroup("/weights");
    const RowMatrixXd gram = normalisedGramian(model.denseW);
    const RowMatrixXf gramF = gram.cast<float>();
    h5::writeFloatArray(file, "/weights/gramian_softmax", gramF.data(),
                        {static_cast<hsize_t>(gram.rows()), static_cast<hsize_t>(gram.cols())}, options.compress);
    const SoftmaxSvd svd = softmaxSvd(model.denseW);
    h5::writeDoubleArray(file, "/weights/svd_softmax", svd.singularValues.data(),
                         {static_cast<hsize_t>(svd.singularValues.size())}, false);
    writeAnnotationGroup(file, run); // /annotations: AnnotationTraceFormat.md
}

// [T, cols] array at `path`, checked against the expected shape.
std::vector<double> readShaped(const H5::H5File &file, const std::string &path, hsize_t rows, hsize_t cols)
{
    std::vector<hsize_t> dims;
    std::vector<double> data = h5::readDoubleArray(file, path, dims);
    if (dims.size() != 2 || dims[0] != rows || dims[1] != cols)
        throw h5::BadObject(path + " does not have shape [" + std::to_string(rows) + ", " + std::to_string(cols) + "]");
    return data;
}

Trace readContents(const std::string &path)
{
    H5::H5File file(path, H5F_ACC_RDONLY);
    const std::string format = h5::readStringAttribute(file, "format", "");
    if (format != "folkrnn-trace")
        throw InputError(path, "not a folk-rnn trace file (attribute format is \"" + format +
                                   "\", expected \"folkrnn-trace\")");
    const long long version = h5::readIntAttribute(file, "format_version", -1);
    if (version != kTraceFormatVersion)
        throw InputError(path, "unsupported trace format version " + std::to_string(version) +
                                   " (this program reads version " + std::to_string(kTraceFormatVersion) + ")");
    Trace trace;
    trace.info.mode = h5::readStringAttribute(file, "mode", "sampled");
    trace.info.seed = static_cast<std::uint32_t>(h5::readIntAttribute(file, "seed", 0));
    trace.info.temperature = h5::readDoubleAttribute(file, "temperature", 1.0);
    trace.info.modelName = h5::readStringAttribute(file, "model_name", "");
    trace.info.modelSource = h5::readStringAttribute(file, "model_source", "");
    if (h5::exists(file, "/prime"))
        trace.info.prime = h5::readInts(file, "/prime");

    auto vocab = std::make_shared<const std::vector<std::string>>(h5::readStrings(file, "/vocabulary"));
    const auto V = static_cast<hsize_t>(vocab->size());
    Run::Arrays arrays;
    arrays.tokens = h5::readInts(file, "/tokens");
    const std::vector<int> forced = h5::readInts(file, "/forced");
    const auto T = static_cast<hsize_t>(arrays.tokens.size());
    if (forced.size() != T)
        throw InputError(path, "/tokens and /forced differ in length");
    arrays.forced.assign(forced.begin(), forced.end());
    arrays.logProbs = readShaped(file, "/logprob", T, V);
    arrays.logits = readShaped(file, "/logits", T, V);

    int layers = 0;
    while (h5::exists(file, layerGroup(layers + 1))) {
        if (++layers > 64)
            throw InputError(path, "more than 64 layers");
    }
    int hidden = 0;
    for (int j = 1; j <= layers; ++j)
        for (Signal s : kSignals) {
            const std::string name = layerGroup(j) + "/" + signalName(s);
            std::vector<hsize_t> dims;
            const std::vector<double> values = h5::readDoubleArray(file, name, dims);
            if (dims.size() != 2 || dims[0] != T || dims[1] == 0 || (hidden && dims[1] != static_cast<hsize_t>(hidden)))
                throw InputError(path, name + " does not have shape [steps, units] consistent with the other layers");
            hidden = static_cast<int>(dims[1]);
            arrays.signalValues.emplace_back(values.begin(), values.end());
        }
    const auto start = std::find(vocab->begin(), vocab->end(), "<s>");
    if (T > 0 && start == vocab->end())
        throw InputError(path, "the vocabulary has no <s> token");
    Run run;
    try {
        run = Run::fromArrays(vocab, layers, hidden, static_cast<int>(start - vocab->begin()), std::move(arrays));
    } catch (const std::invalid_argument &e) {
        throw InputError(path, e.what());
    }
    trace.run = std::move(run);
    return trace;
}

} // namespace

void writeTraceFile(const std::string &path, const Run &run, const Model &model, const TraceInfo &info,
                    const TraceOptions &options)
{
    writeAtomically(path, [&](const std::filesystem::path &tmp) {
        try {
            h5::silenceErrors();
            H5::H5File file(tmp.string(), H5F_ACC_TRUNC);
            writeContents(file, run, model, info, options);
            file.close();
        } catch (const H5::Exception &e) {
            throw InputError(path, "cannot write the trace (" + h5::describe(e) + ")");
        } catch (const std::invalid_argument &e) {
            throw InputError(path, e.what());
        }
    });
}

Trace readTraceFile(const std::string &path)
{
    h5::requireReadableFile(path);
    try {
        h5::silenceErrors();
        return readContents(path);
    } catch (const H5::Exception &e) {
        throw InputError(path, "damaged or incomplete trace file (" + h5::describe(e) + ")");
    } catch (const h5::MissingObject &e) {
        throw InputError(path, std::string("missing ") + e.what());
    } catch (const h5::BadObject &e) {
        throw InputError(path, e.what());
    }
}

} // namespace folkrnn::analysis

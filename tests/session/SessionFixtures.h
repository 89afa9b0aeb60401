#pragma once
// Sessions made from small random models, and ways to damage a saved file, for the session tests.
#include "common/RandomModel.h"
#include "core/hdf5/Hdf5Util.h"
#include "core/model/ModelFile.h"
#include "core/session/Session.h"
#include "core/session/SessionFile.h"
#include "core/sim/Generator.h"

#include <H5Cpp.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>

namespace folkrnn::sessiontest {

inline std::shared_ptr<const Model> model(unsigned seed = 11, int layers = 2, int hidden = 16)
{
    return std::make_shared<const Model>(testsupport::randomModel(layers, hidden, seed));
}

inline InterventionSet someInterventions()
{
    InterventionSet set;
    Intervention clamp;
    clamp.layer = 1;
    clamp.units = {3, 7};
    clamp.value = 0.75;
    clamp.fromStep = 2;
    clamp.toStep = 9;
    Intervention scale;
    scale.layer = 0;
    scale.units = {1};
    scale.target = InterventionTarget::Cell;
    scale.kind = InterventionKind::Scale;
    scale.value = -1.5; // to the end (toStep = INT_MAX)
    Intervention off;
    off.units = {0, 1, 2};
    off.enabled = false;
    set.items = {clamp, scale, off};
    return set;
}

// A whole session: a tune sampled (after a prime) with interventions, a selection, a layout blob
// holding every byte value, and notes in several scripts.
inline Session makeSession(std::shared_ptr<const Model> m, const std::string &modelPath, std::uint32_t seed = 5,
                           bool withInterventions = true)
{
    GenerationSettings s;
    s.seed = seed;
    s.temperature = 0.9;
    s.maxLength = 60;
    s.prime = {m->tokenIndex("M:4/4"), m->tokenIndex("K:Cmaj")};
    // The random models end tunes early; take the first seed from `seed` on that gives a tune of
    // at least 12 steps, so that steps and ranges below exist.
    std::unique_ptr<Generator> made;
    for (;; ++s.seed) {
        made = std::make_unique<Generator>(m, s);
        if (withInterventions)
            made->simulator().setInterventions(someInterventions());
        made->runToEnd();
        if (made->run().steps() >= 12)
            break;
    }
    Generator &gen = *made;
    Session session = captureSession(gen, modelPath);
    session.selection.step = std::min(3, gen.run().steps() - 1);
    session.selection.layer = 1;
    session.selection.signal = Signal::G;
    session.selection.units = {5, 2, 9};
    session.selection.token = m->tokenIndex("G");
    session.selection.rangeFirst = 1;
    session.selection.rangeLast = std::min(4, gen.run().steps() - 1);
    for (int b = 0; b < 256; ++b)
        session.viewLayout.push_back(static_cast<std::uint8_t>(b));
    session.notes = "Unit 7 of layer 2 follows the bar lines \xe2\x80\x94 na\xc3\xafve guess \xe2\x99\xaa\n"
                    "\xe3\x83\xa1\xe3\x83\xa2 (memo)\n";
    return session;
}

inline std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeAll(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Opens a saved session for writing and lets `change` damage or tamper with it.
inline void editFile(const std::string &path, const std::function<void(H5::H5File &)> &change)
{
    H5::H5File f(path, H5F_ACC_RDWR);
    change(f);
    f.close();
}

inline std::vector<int> readTokens(const std::string &path)
{
    H5::H5File f(path, H5F_ACC_RDONLY);
    return h5::readInts(f, "/run/tokens");
}

inline void replaceInts(H5::H5File &f, const std::string &path, const std::vector<int> &values)
{
    f.unlink(path);
    H5::Group root = f.openGroup("/");
    h5::writeInts(root, path, values);
}

inline void setTokens(const std::string &file, const std::vector<int> &tokens)
{
    editFile(file, [&](H5::H5File &f) {
        H5::DataSet ds = f.openDataSet("/run/tokens");
        ds.write(tokens.data(), H5::PredType::NATIVE_INT);
    });
}

} // namespace folkrnn::sessiontest

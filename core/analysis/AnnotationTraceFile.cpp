#include "core/analysis/AnnotationTraceFile.h"

#include "core/analysis/AnnotationStats.h"
#include "core/hdf5/Hdf5Util.h"
#include "core/sim/Run.h"

#include <H5Cpp.h>

namespace folkrnn::analysis {

std::string annotationDatasetName(AnnotationTrack track)
{
    std::string name = annotationTrackName(track);
    for (char &c : name)
        if (c == '-')
            c = '_';
    return name;
}

void writeAnnotationGroup(H5::Group &file, const Run &run)
{
    const AnnotationTracks a = annotateRun(run);
    const std::size_t T = static_cast<std::size_t>(run.steps());
    H5::Group group = file.createGroup("/annotations");
    h5::writeStringAttribute(group, "aligned_with", "tokens");
    H5::Group tracks = group.createGroup("tracks");
    const auto ints = [&](const std::string &name, const auto &values) {
        h5::writeInts(tracks, name, std::vector<int>(values.begin(), values.end()));
    };
    ints("in_body", a.inBody);
    ints("bar_line", a.barLine);
    ints("bar_position", a.barPosition);
    h5::writeDoubles(tracks, "bar_time", a.barTime);
    h5::writeDoubles(tracks, "bar_length", a.barLength);
    std::vector<int> eighth(T);
    for (std::size_t t = 0; t < T; ++t)
        eighth[t] = a.barEighth(static_cast<int>(t));
    ints("bar_eighth", eighth);
    ints("bar", a.bar);
    ints("part", a.part);
    ints("in_repeat", a.inRepeat);
    ints("ending", a.ending);
    ints("category", a.category);
    ints("pitch", a.pitch);
    h5::writeIntAttribute(tracks, "no_pitch", kNoPitch);

    if (!run.hasSignals())
        return;
    H5::Group stats = group.createGroup("stats");
    h5::writeStringAttribute(stats, "signal", signalName(Signal::H));
    const auto H = static_cast<hsize_t>(run.hiddenSize());
    for (AnnotationTrack track : kTraceStatsTracks) {
        H5::Group g = stats.createGroup(annotationDatasetName(track));
        for (int j = 1; j <= run.numLayers(); ++j) {
            const AnnotationStats s = annotationStats(run.signalMatrix(j - 1, Signal::H), a, track);
            if (j == 1) {
                h5::writeInts(g, "values", s.values);
                h5::writeInts(g, "count", std::vector<int>(s.count.begin(), s.count.end()));
            }
            H5::Group layer = g.createGroup("layer" + std::to_string(j));
            h5::writeDoubleArray(layer, "mean", s.mean.data(), {static_cast<hsize_t>(s.values.size()), H}, false);
            h5::writeDoubleArray(layer, "eta2", s.eta2.data(), {H}, false);
        }
    }
}

} // namespace folkrnn::analysis

#pragma once
#include "core/analysis/AnnotationKey.h"

#include <array>
#include <string>

namespace H5 { class Group; }
namespace folkrnn { class Run; }

// The annotation tracks of a run and the unit statistics per annotation value, as the /annotations
// group of the trace file (`folkrnn-cli trace`; layout in AnnotationTraceFormat.md beside this
// file). Called by writeTraceFile with the file being written; throws H5::Exception on failure,
// as the rest of that writer does.
namespace folkrnn::analysis {

// The tracks whose statistics the trace holds (for every layer's h).
inline constexpr std::array<AnnotationTrack, 5> kTraceStatsTracks{
    AnnotationTrack::BarPosition, AnnotationTrack::BarEighth, AnnotationTrack::Category, AnnotationTrack::BarLine,
    AnnotationTrack::Part};

// "bar_position", "bar_eighth", "category", "bar_line", "part": HDF5 names (underscores).
std::string annotationDatasetName(AnnotationTrack track);

void writeAnnotationGroup(H5::Group &file, const Run &run);

} // namespace folkrnn::analysis

#pragma once
#include "core/analysis/CorpusQuery.h"

#include <string>
#include <vector>

// The corpus query's results as CSV text (RFC 4180: fields with a comma, quote or line break are
// quoted, which matters for pitch tokens such as "C,"). Layers are written from 1, units from 0,
// as everywhere users see them. Numbers use '.' and up to 17 significant digits.
namespace folkrnn::analysis {

// One row per (target, unit), ranked as CorpusQueryResult::unitStats:
// target,rank,layer,unit,targets,hits,recall,matches,matches_on_target,precision,f1,
// mean_at_targets,mean_elsewhere,defining_score
// The joint row has layer and unit "all" (rank empty); defining_score is the unit's score on the
// first run when the pattern was defined there, else empty.
std::string corpusUnitsCsv(const CorpusQueryResult &result, const CorpusQuerySettings &settings,
                           const std::vector<std::string> &vocabulary);

// One row per kept joint match: run,run_name,first,last,score,anchor,anchor_token,bar_position,
// bar_time,bar,part,ending,in_repeat.
std::string corpusRecurrencesCsv(const CorpusQueryResult &result, const CorpusSpec &corpus,
                                 const std::vector<std::string> &vocabulary);

// One row per (track, value, layer, unit): track,value,value_text,count,layer,unit,mean,eta2.
std::string corpusStatsCsv(const CorpusQueryResult &result, const CorpusQuerySettings &settings,
                           const std::vector<std::string> &vocabulary);

// A field quoted when it needs to be.
std::string csvField(const std::string &text);
// A number as CSV text: empty for NaN, shortest round-trip form otherwise.
std::string csvNumber(double v);

} // namespace folkrnn::analysis

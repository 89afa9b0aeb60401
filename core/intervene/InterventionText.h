#pragma once
#include "core/intervene/Intervention.h"

#include <string>

namespace folkrnn {

// The textual form used by folkrnn-cli and the GUI (layers 1-based, units 0-based, steps inclusive):
//   clamp / scale:  L:U=V[@FROM-TO]    e.g. 3:156=0.8@10-40   (FROM- or -TO leave a side open)
//   ablate:         L:U1,U2,...[@FROM-TO]
// Throws InputError naming the option and the text on malformed input.
Intervention parseClamp(const std::string &text, InterventionTarget target, InterventionKind kind,
                        const std::string &option);
Intervention parseAblation(const std::string &text, const std::string &option);
std::string formatIntervention(const Intervention &i);

} // namespace folkrnn

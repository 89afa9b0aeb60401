#pragma once
#include "core/audio/Score.h"

#include <cstddef>
#include <vector>

namespace folkrnn::audio {

// The order items are played in, repeats and endings played out: the index of each item in
// readScore's list, an item inside a repeat appearing once per pass.
//
// ":|" goes back once to the last "|:" or "::", or, when none came since the last repeat ended,
// to where that repeat ended (the start of the tune for the first), so "A :| B :|" is A A B B
// as abc2midi plays it. "::" ends one repeat and starts the next. On the second pass a first
// ending ("|1", "[1") is skipped up to the ":|" or "::" that closes it, and play goes on with
// the second ending after it. A "||" is only a bar line. Every ":|" is taken once, so the list
// is at most about twice as long as the tune.
std::vector<std::size_t> playOrder(const std::vector<ScoreItem> &items);

} // namespace folkrnn::audio

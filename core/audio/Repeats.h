#pragma once
#include "core/audio/Score.h"

#include <cstddef>
#include <vector>

namespace folkrnn::audio {

// The order items are played in, repeats and endings played out: the index of each item in
// readScore's list, an item inside a repeat appearing once per pass.
//
// ":|" goes back once to the last "|:" or "::"; without one, the first repeat of the tune goes
// back to its start (ABC lets a repeat from the beginning omit its "|:") and a later one to where
// the previous repeat ended or to a "||" after that, whichever is later. "::" ends one repeat and
// starts the next. On the second pass a first ending ("|1", "[1") is skipped up to the ":|" or
// "::" that closes it, and play goes on with the second ending after it. This is how abc2midi
// reads "A :| B :|" (A A B B) and "A :| B || C :|" (A A B C C); it differs from abc2midi only
// after first and second endings, where abc2midi goes back to the start of the tune instead.
// Every ":|" is taken once, so the list is at most about twice as long as the tune.
std::vector<std::size_t> playOrder(const std::vector<ScoreItem> &items);

} // namespace folkrnn::audio

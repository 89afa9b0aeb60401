#pragma once
#include "core/model/Model.h"

#include <string>
#include <vector>

namespace folkrnn::gui {

// The token ids of a tune a user pasted to trace: folk-rnn token text (the sample_rnn layout,
// "X:" lines ignored) or ABC, converted by core/abc the way folk-rnn's data preparation did
// (transposed to C, unit length 1/8). </s> is appended when missing, so that the probability of
// ending is traced too. Throws InputError naming the unknown tokens or why the ABC was refused.
std::vector<int> parseTuneInput(const folkrnn::Model &model, const std::string &text);

} // namespace folkrnn::gui

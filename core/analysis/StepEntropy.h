#pragma once
#include <vector>

namespace folkrnn {

class Run;

// Shannon entropy of each step's distribution over the next token, in bits:
// H_t = -sum_v p_t(v) log2 p_t(v), with p_t = exp(run.logProbs(t)) (tokens with p = 0 add 0).
std::vector<double> stepEntropyBits(const Run &run);
// H_t of step t alone (a view extending its curve as the run grows).
double stepEntropyBits(const Run &run, int t);

} // namespace folkrnn

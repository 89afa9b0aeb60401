#pragma once
#include "core/model/Model.h"

#include <string>

namespace folkrnn {

// The project's HDF5 model format, version 1 (see MODEL-FORMAT.md beside this file).
inline constexpr int kModelFormatVersion = 1;

// Reads and validates a model; throws InputError naming the file and the problem.
Model loadModelHdf5(const std::string &path);

// Writes atomically: on failure the previous file at `path` is untouched.
void saveModelHdf5(const Model &model, const std::string &path);

// True when the file starts with the HDF5 signature.
bool looksLikeHdf5(const std::string &path);

} // namespace folkrnn

#pragma once
#include "core/model/Model.h"

#include <memory>
#include <string>

namespace folkrnn {

// The front door for every model file a user can give: the project's HDF5 format and folk-rnn's
// original .pkl files (recognised by content). Throws InputError naming the file.
Model openModel(const std::string &path);

// The bundled default model: $FOLKRNN_MODEL if set, else the installed data directory, else the
// source tree's resources/models. Empty when none is found.
std::string bundledModelPath(const std::string &executableDir = {});

} // namespace folkrnn

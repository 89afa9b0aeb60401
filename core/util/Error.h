#pragma once
#include <stdexcept>
#include <string>

namespace folkrnn {

// Every reader in core/ reports bad input by throwing InputError with a message that names the
// input and the problem; app/ and folkrnn-cli turn it into a dialog or one stderr line (exit 2).
class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string &message) : std::runtime_error(message) {}
    InputError(const std::string &input, const std::string &problem)
        : std::runtime_error(input + ": " + problem) {}
};

} // namespace folkrnn

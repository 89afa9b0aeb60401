#include "Bindings.h"

#include "core/util/Error.h"

#include <chrono>

namespace folkrnn::python {

void bindErrors(py::module_ &m)
{
    py::register_exception<FileError>(m, "InputError", PyExc_OSError).doc() =
        "A model, session or other file that cannot be read or written; the message names the file and the problem.";
    // Registered after FileError's translator, so tried first: core's InputError outside a file
    // call is a bad argument (a temperature, a token, a unit the model lacks).
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p)
                std::rethrow_exception(p);
        } catch (const FileError &) {
            throw;
        } catch (const InputError &e) {
            PyErr_SetString(PyExc_ValueError, e.what());
        }
    });
}

void runInterruptibly(const std::function<bool()> &step)
{
    using Clock = std::chrono::steady_clock;
    bool more = true;
    while (more) {
        {
            py::gil_scoped_release release;
            const auto until = Clock::now() + std::chrono::milliseconds(50);
            do
                more = step();
            while (more && Clock::now() < until);
        }
        if (PyErr_CheckSignals() != 0)
            throw py::error_already_set();
    }
}

} // namespace folkrnn::python

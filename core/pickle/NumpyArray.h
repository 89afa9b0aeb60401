#pragma once
#include "core/pickle/PickleValue.h"

#include <Eigen/Core>

// Turning the numpy arrays of a pickle into Eigen values, whatever their byte order, element order
// (C or Fortran) and float width. float32 data is copied bit for bit; float64 is rounded to float32
// exactly as numpy's astype(float32) does.
namespace folkrnn::pickle {

// Element `k` in storage order, as a double (any supported dtype). k < a.elements.
double elementAsDouble(const ArrayData &a, std::int64_t k);

// The array read as a rows x cols matrix in numpy's (row, column) indexing. Requires a filled float
// array with rows * cols == a.elements whose shape, ignoring 1s, is (rows, cols): callers check the
// shape first and give the error message.
Eigen::MatrixXf toMatrix(const ArrayData &a, Eigen::Index rows, Eigen::Index cols);

// A vector stored as (n,), (1, n) or (n, 1).
Eigen::VectorXf toVector(const ArrayData &a);

} // namespace folkrnn::pickle

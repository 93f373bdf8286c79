// Tensor factories: filled, ranges, identity, random, and tensors from data.
#pragma once
#include <vector>

#include "gradlab/tensor.h"

namespace gradlab {

Tensor zeros(const Shape& shape, DType dtype = DType::Float32);
Tensor ones(const Shape& shape, DType dtype = DType::Float32);
Tensor full(const Shape& shape, double value, DType dtype = DType::Float32);
// A 0-d tensor holding a plain number; wrapped numbers don't promote a tensor's dtype.
Tensor scalar_tensor(double value, DType dtype, bool wrapped_number = false);
// A plain JS number as PyTorch wraps a Python scalar: int64 when integral (an
// int tensor stays int), float64 otherwise; -0 stays a float so its sign survives.
Tensor wrapped_number(double value);
// The dtype of a tensor made from a lone number (torch.full without dtype): int64 when the number
// counts as an int by wrapped_number's rule, else the default float32.
DType number_dtype(double value);
// From flat row-major values (converted to dtype).
Tensor from_values(const std::vector<double>& values, const Shape& shape, DType dtype = DType::Float32);
Tensor zeros_like(const Tensor& t);
Tensor ones_like(const Tensor& t);
Tensor full_like(const Tensor& t, double value);
Tensor arange(double start, double end, double step, DType dtype = DType::Float32);
Tensor linspace(double start, double end, int64_t steps, DType dtype = DType::Float32);
Tensor eye(int64_t n, int64_t m = -1, DType dtype = DType::Float32);
Tensor rand(const Shape& shape, DType dtype = DType::Float32);
Tensor randn(const Shape& shape, DType dtype = DType::Float32);
Tensor randint(int64_t low, int64_t high, const Shape& shape, DType dtype = DType::Int64);
Tensor rand_like(const Tensor& t);
Tensor randn_like(const Tensor& t);

}  // namespace gradlab

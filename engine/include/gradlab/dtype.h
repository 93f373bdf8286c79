// Element types of a tensor and the promotion rules between them.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace gradlab {

enum class DType : uint8_t { Float32, Float64, Int64, Bool };

inline size_t itemsize(DType d) {
  switch (d) {
    case DType::Float32: return 4;
    case DType::Float64: return 8;
    case DType::Int64: return 8;
    case DType::Bool: return 1;
  }
  return 0;
}

inline bool is_floating(DType d) { return d == DType::Float32 || d == DType::Float64; }

// PyTorch's canCast for writing a result into an existing tensor (in-place ops): never from a
// floating type into an integer or bool, never from a non-bool into bool.
inline bool can_cast(DType from, DType to) {
  if (is_floating(from) && !is_floating(to)) return false;
  return !(from != DType::Bool && to == DType::Bool);
}

// API.md's spelling ('float32', ...).
std::string dtype_name(DType d);
// PyTorch's spelling in messages and reprs ('torch.float32' without the prefix is dtype_name).
DType dtype_from_name(const std::string& name);  // throws Error on unknown names
// PyTorch's ScalarType spelling in error messages ("Float", "Double", "Long", "Bool").
const char* scalar_type_name(DType d);
// PyTorch's check when a number becomes one element of a tensor (fill_, full, masked_fill): NaN,
// infinities and out-of-range values do not fit an int64, finite values beyond float's range do
// not fit a float32. Throws Error with PyTorch's text.
void check_number_fits(double value, DType dtype);

}  // namespace gradlab

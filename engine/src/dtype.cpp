#include "gradlab/dtype.h"

#include <cfloat>
#include <cmath>

#include "gradlab/error.h"

namespace gradlab {

std::string dtype_name(DType d) {
  switch (d) {
    case DType::Float32: return "float32";
    case DType::Float64: return "float64";
    case DType::Int64: return "int64";
    case DType::Bool: return "bool";
  }
  return "?";
}

const char* scalar_type_name(DType d) {
  switch (d) {
    case DType::Float32: return "Float";
    case DType::Float64: return "Double";
    case DType::Int64: return "Long";
    case DType::Bool: return "Bool";
  }
  return "";
}

void check_number_fits(double value, DType dtype) {
  // The bounds compare in double, as PyTorch's overflow check: 2^63 itself passes.
  constexpr double kInt64Bound = 9223372036854775808.0;
  if (dtype == DType::Int64)
    GL_CHECK(!std::isnan(value) && value >= -kInt64Bound && value <= kInt64Bound,
             "value cannot be converted to type int64_t without overflow");
  if (dtype == DType::Float32)
    GL_CHECK(!std::isfinite(value) || std::fabs(value) <= FLT_MAX,
             "value cannot be converted to type float without overflow");
}

DType dtype_from_name(const std::string& name) {
  if (name == "float32" || name == "float") return DType::Float32;
  if (name == "float64" || name == "double") return DType::Float64;
  if (name == "int64" || name == "long") return DType::Int64;
  if (name == "bool") return DType::Bool;
  fail("invalid dtype '", name, "' (expected float32, float64, int64 or bool)");
}

}  // namespace gradlab

#include "gradlab/autograd/gradcheck.h"

#include <cmath>
#include <cstdio>

#include "gradlab/autograd/engine.h"
#include "gradlab/autograd/grad_mode.h"
#include "gradlab/error.h"
#include "gradlab/ops/creation.h"
#include "gradlab/ops/movement.h"
#include "kernels/elementwise.h"

namespace gradlab::autograd {

namespace {

// Element k of a tensor in row-major order, as double, and a setter, honouring strides.
int64_t element_offset(const Tensor& t, int64_t k) {
  int64_t off = 0;
  for (int64_t d = t.dim() - 1; d >= 0; --d) {
    off += (k % t.shape()[d]) * t.strides()[d];
    k /= t.shape()[d];
  }
  return off;
}
double get(const Tensor& t, int64_t k) {
  double v = 0;
  GL_DISPATCH_ALL(t.dtype(), T, v = static_cast<double>(t.data_ptr<T>()[element_offset(t, k)]));
  return v;
}
void set(const Tensor& t, int64_t k, double v) {
  GL_DISPATCH_FLOAT(t.dtype(), T, t.data_ptr<T>()[element_offset(t, k)] = static_cast<T>(v));
}

std::string matrix_str(const std::vector<std::vector<double>>& m) {
  std::string s;
  char buf[512];  // %.4f of the largest double is 316 characters
  for (const auto& row : m) {
    for (size_t j = 0; j < row.size(); ++j) s.append(buf, std::snprintf(buf, sizeof buf, j ? " %.4f" : "%.4f", row[j]));
    s += "\n";
  }
  return s;
}

}  // namespace

bool gradcheck(const GradcheckFn& fn, const variable_list& inputs, double eps, double atol, double rtol) {
  variable_list outputs = fn(inputs);
  for (size_t o = 0; o < outputs.size(); ++o) {
    const Tensor& out = outputs[o];
    if (!out.defined() || !is_floating(out.dtype())) continue;
    for (size_t i = 0; i < inputs.size(); ++i) {
      const Tensor& x = inputs[i];
      if (!x.requires_grad()) continue;
      const int64_t nx = x.numel(), ny = out.numel();
      // numerical[j][k] = d out[k] / d x[j]
      std::vector<std::vector<double>> numerical(nx, std::vector<double>(ny)), analytical = numerical;
      for (int64_t j = 0; j < nx; ++j) {
        const double orig = get(x, j);
        // Grad mode stays on: fn may itself differentiate (gradcheck of a gradient).
        // Outputs are cloned at once: a view of the input would follow the next perturbation.
        set(x, j, orig + eps);
        const Tensor plus = clone(fn(inputs)[o].detach());
        set(x, j, orig - eps);
        const Tensor minus = clone(fn(inputs)[o].detach());
        set(x, j, orig);
        for (int64_t k = 0; k < ny; ++k) numerical[j][k] = (get(plus, k) - get(minus, k)) / (2 * eps);
      }
      for (int64_t k = 0; k < ny; ++k) {
        Tensor seed = zeros(out.shape(), out.dtype());
        set(seed, k, 1.0);
        variable_list g = grad({out}, {x}, {seed}, /*retain_graph=*/true, false, /*allow_unused=*/true);
        for (int64_t j = 0; j < nx; ++j) analytical[j][k] = g[0].defined() ? get(g[0], j) : 0.0;
      }
      for (int64_t j = 0; j < nx; ++j)
        for (int64_t k = 0; k < ny; ++k) {
          const double a = analytical[j][k], n = numerical[j][k];
          if (!(std::fabs(a - n) <= atol + rtol * std::fabs(n)))
            fail("Jacobian mismatch for output ", o, " with respect to input ", i, ",\nnumerical:",
                 matrix_str(numerical), "analytical:", matrix_str(analytical));
        }
    }
  }
  return true;
}

}  // namespace gradlab::autograd

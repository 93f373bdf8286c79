// torch.autograd.gradcheck: compares the analytic Jacobian (one backward pass
// per output element) with central finite differences. Inputs should be float64.
#pragma once
#include <functional>

#include "gradlab/tensor.h"

namespace gradlab::autograd {

using GradcheckFn = std::function<variable_list(const variable_list&)>;

// Returns true, or throws Error naming the first mismatching output/input pair.
bool gradcheck(const GradcheckFn& fn, const variable_list& inputs, double eps = 1e-6,
               double atol = 1e-5, double rtol = 1e-3);

}  // namespace gradlab::autograd

// In-place ops (trailing underscore). They write into the tensor's storage,
// bump its version, and rebase its autograd history onto the op as PyTorch does.
// A leaf that requires grad may not be modified in place while grad mode is on.
#pragma once
#include <optional>

#include "gradlab/tensor.h"

namespace gradlab {

Tensor add_(const Tensor& self, const Tensor& other, double alpha = 1.0);
Tensor sub_(const Tensor& self, const Tensor& other, double alpha = 1.0);
Tensor mul_(const Tensor& self, const Tensor& other);
Tensor div_(const Tensor& self, const Tensor& other);
Tensor add_(const Tensor& self, double other);
Tensor sub_(const Tensor& self, double other);
Tensor mul_(const Tensor& self, double other);
Tensor div_(const Tensor& self, double other);
Tensor clamp_(const Tensor& self, std::optional<double> min, std::optional<double> max);  // as clamp
Tensor clamp_(const Tensor& self, double min, double max);  // a NaN bound is no bound
Tensor zero_(const Tensor& self);
Tensor fill_(const Tensor& self, double value);
Tensor copy_(const Tensor& self, const Tensor& src);  // src broadcast to self's shape
Tensor uniform_(const Tensor& self, double from = 0.0, double to = 1.0);
Tensor normal_(const Tensor& self, double mean = 0.0, double std = 1.0);
// random_() (mode 0), random_(to) (1), random_(from, to) (2).
Tensor random_(const Tensor& self, int64_t mode, int64_t from = 0, int64_t to = 0);
// self += value * t1 * t2 (one FMA) and self += value * t1 / t2, as PyTorch's
// CPU kernels round them; without a graph only (the optimizers' updates).
Tensor addcmul_(const Tensor& self, const Tensor& t1, const Tensor& t2, double value = 1.0);
Tensor addcdiv_(const Tensor& self, const Tensor& t1, const Tensor& t2, double value = 1.0);

}  // namespace gradlab

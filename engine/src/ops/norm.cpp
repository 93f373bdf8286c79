// Normalisation layers. Each records PyTorch's node (NativeBatchNormBackward0,
// ...) whose backward is written with differentiable ops:
//   x_hat = (x - mean) * rstd,  y = x_hat * weight + bias
//   d x = rstd * (g - mean(g) - x_hat * mean(g * x_hat)),  g = grad * weight
// with the means over the normalised dims (training statistics), or
//   d x = grad * weight * rstd  when fixed running statistics normalise.
#include "gradlab/ops/norm.h"


#include "gradlab/autograd/grad_mode.h"
#include "gradlab/autograd/record.h"
#include "gradlab/error.h"
#include "gradlab/ops/elementwise.h"
#include "gradlab/ops/movement.h"
#include "gradlab/ops/reduce.h"
#include "kernels/elementwise.h"

namespace gradlab {

namespace {

struct Normalized {
  Tensor x_hat, rstd;
};

// Biased statistics over dims, written with differentiable ops (the backward recomputes them).
Normalized normalize(const Tensor& x, const Dims& dims, double eps) {
  const Tensor mu = mean(x, dims, true);
  const Tensor rstd = rsqrt(add(var(x, dims, false, true), eps));
  return {mul(sub(x, mu), rstd), rstd};
}

Tensor normalize_backward(const Tensor& g, const Normalized& n, const Dims& dims) {
  return mul(n.rstd, sub(sub(g, mean(g, dims, true)), mul(n.x_hat, mean(mul(g, n.x_hat), dims, true))));
}

Tensor affine(const Tensor& x_hat, const Tensor& weight, const Tensor& bias, const Shape& param_shape) {
  Tensor y = weight.defined() ? mul(x_hat, reshape(weight, param_shape)) : x_hat;
  return bias.defined() ? add(y, reshape(bias, param_shape)) : y;
}

// The affine parameters' gradients: sums of grad * x_hat and grad over every dim but theirs.
void affine_grads(const BackwardContext& c, const Tensor& grad, const Tensor& x_hat, const Dims& dims,
                  const Shape& param_shape, variable_list& grads, size_t weight_slot) {
  // An empty dim list would mean "all dims" to sum(): here it means nothing to sum.
  auto reduce = [&](const Tensor& t) { return reshape(dims.empty() ? t : sum(t, dims), param_shape); };
  if (c.needs(weight_slot)) grads[weight_slot] = reduce(mul(grad, x_hat));
  if (c.needs(weight_slot + 1)) grads[weight_slot + 1] = reduce(grad);
}

const char* type_word(DType d) { return d == DType::Int64 ? "Long" : "Bool"; }

std::string torch_size(const Shape& s) {
  return "torch.Size(" + shape_str(s) + ")";
}

// Writes (1 - momentum) * running + momentum * stat into running's memory.
void update_running(const Tensor& running, const Tensor& stat, double momentum) {
  NoGradGuard no_grad;
  kernels::copy_into(running, add(mul(running, 1 - momentum), mul(reshape(stat, running.shape()), momentum)));
  running.bump_version();
}

}  // namespace

Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training, double momentum, double eps) {
  const int64_t channels = input.shape()[wrap_dim(1, input.dim())];
  if (training) {
    const int64_t per_channel = input.numel() / std::max<int64_t>(channels, 1);
    GL_CHECK(per_channel != 1, "Expected more than 1 value per channel when training, got input size ",
             torch_size(input.shape()));
  }
  auto check_size = [channels](const Tensor& t, const char* name) {
    GL_CHECK(!t.defined() || t.numel() == channels, name, " should contain ", channels, " elements not ", t.numel());
  };
  check_size(weight, "weight");
  check_size(bias, "bias");
  check_size(running_mean, "running_mean");
  check_size(running_var, "running_var");
  GL_CHECK(is_floating(input.dtype()), "\"batch_norm\" not implemented for '", type_word(input.dtype()), "'");
  GL_CHECK(training || (running_mean.defined() && running_var.defined()),
           running_mean.defined() ? "running_var" : "running_mean", " must be defined in evaluation mode");
  Dims dims{0};
  for (int64_t d = 2; d < input.dim(); ++d) dims.push_back(d);
  Shape param_shape(input.dim(), 1);
  param_shape[1] = channels;
  Tensor out;
  {
    NoGradGuard no_grad;
    if (training) {
      const Normalized n = normalize(input, dims, eps);
      out = affine(n.x_hat, weight, bias, param_shape);
      if (running_mean.defined()) update_running(running_mean, mean(input, dims), momentum);
      if (running_var.defined()) update_running(running_var, var(input, dims, true), momentum);
    } else {
      const Tensor rstd = rsqrt(add(reshape(running_var, param_shape), eps));
      out = affine(mul(sub(input, reshape(running_mean, param_shape)), rstd), weight, bias, param_shape);
    }
  }
  const Shape weight_shape = weight.defined() ? weight.shape() : Shape{channels};
  // Running statistics are saved only when they normalised (evaluation): in
  // training they change in place on every forward and the backward needs none.
  const variable_list saved = training ? variable_list{input, weight} : variable_list{input, weight, running_mean,
                                                                                        running_var};
  record("NativeBatchNormBackward0", {out}, {input, weight, bias}, saved,
         [=](const BackwardContext& c) {
           const Tensor& x = c.saved[0];
           const Tensor& w = c.saved[1];
           const Tensor g = w.defined() ? mul(c.grad(), reshape(w, param_shape)) : c.grad();
           variable_list grads(3);
           if (training) {
             const Normalized n = normalize(x, dims, eps);
             if (c.needs(0)) grads[0] = normalize_backward(g, n, dims);
             affine_grads(c, c.grad(), n.x_hat, dims, weight_shape, grads, 1);
           } else {
             const Tensor rstd = rsqrt(add(reshape(c.saved[3], param_shape), eps));
             if (c.needs(0)) grads[0] = mul(g, rstd);
             affine_grads(c, c.grad(), mul(sub(x, reshape(c.saved[2], param_shape)), rstd), dims, weight_shape,
                          grads, 1);
           }
           return grads;
         });
  return out;
}

Tensor layer_norm(const Tensor& input, const std::vector<int64_t>& normalized_shape, const Tensor& weight,
                  const Tensor& bias, double eps) {
  const int64_t k = static_cast<int64_t>(normalized_shape.size());
  bool fits = k <= input.dim();
  for (int64_t i = 0; fits && i < k; ++i) fits = input.shape()[input.dim() - k + i] == normalized_shape[i];
  GL_CHECK(fits, "Given normalized_shape=", shape_str(normalized_shape), ", expected input with shape [*",
           [&] {
             std::string s;
             for (int64_t d : normalized_shape) s += ", " + std::to_string(d);
             return s;
           }(),
           "], but got input of size", shape_str(input.shape()));
  GL_CHECK(!weight.defined() || weight.shape() == normalized_shape,
           "Expected weight to be of same shape as normalized_shape, but got weight of shape ",
           shape_str(weight.defined() ? weight.shape() : Shape{}), " and normalized_shape = ",
           shape_str(normalized_shape));
  GL_CHECK(!bias.defined() || bias.shape() == normalized_shape,
           "Expected bias to be of same shape as normalized_shape, but got bias of shape ",
           shape_str(bias.defined() ? bias.shape() : Shape{}), " and normalized_shape = ",
           shape_str(normalized_shape));
  GL_CHECK(is_floating(input.dtype()), "\"LayerNormKernelImpl\" not implemented for '", type_word(input.dtype()),
           "'");
  Dims dims, batch_dims;
  for (int64_t d = 0; d < input.dim(); ++d) (d >= input.dim() - k ? dims : batch_dims).push_back(d);
  Tensor out;
  {
    NoGradGuard no_grad;
    out = affine(normalize(input, dims, eps).x_hat, weight, bias, normalized_shape);
  }
  record("NativeLayerNormBackward0", {out}, {input, weight, bias}, {input, weight}, [=](const BackwardContext& c) {
    const Normalized n = normalize(c.saved[0], dims, eps);
    const Tensor g = c.saved[1].defined() ? mul(c.grad(), c.saved[1]) : c.grad();
    variable_list grads(3);
    if (c.needs(0)) grads[0] = normalize_backward(g, n, dims);
    affine_grads(c, c.grad(), n.x_hat, batch_dims, normalized_shape, grads, 1);
    return grads;
  });
  return out;
}

Tensor group_norm(const Tensor& input, int64_t num_groups, const Tensor& weight, const Tensor& bias, double eps) {
  const int64_t channels = input.shape()[wrap_dim(1, input.dim())], n = input.shape()[0];
  GL_CHECK(num_groups > 0 && channels % num_groups == 0,
           "Expected number of channels in input to be divisible by num_groups, but got input of shape ",
           shape_str(input.shape()), " and num_groups=", num_groups);
  GL_CHECK(!weight.defined() || (weight.dim() == 1 && weight.numel() == channels),
           "Expected weight to be a vector of size equal to the number of channels in input, but got weight of shape ",
           shape_str(weight.defined() ? weight.shape() : Shape{}), " and input of shape ", shape_str(input.shape()));
  GL_CHECK(!bias.defined() || (bias.dim() == 1 && bias.numel() == channels),
           "Expected bias to be a vector of size equal to the number of channels in input, but got bias of shape ",
           shape_str(bias.defined() ? bias.shape() : Shape{}), " and input of shape ", shape_str(input.shape()));
  GL_CHECK(is_floating(input.dtype()), "\"GroupNormKernelImpl\" not implemented for '", type_word(input.dtype()),
           "'");
  const Shape grouped{n, num_groups, input.numel() / std::max<int64_t>(n * num_groups, 1)};
  Shape param_shape(input.dim(), 1);
  param_shape[1] = channels;
  Dims affine_dims{0};
  for (int64_t d = 2; d < input.dim(); ++d) affine_dims.push_back(d);
  const Shape x_shape = input.shape();
  Tensor out;
  {
    NoGradGuard no_grad;
    out = affine(reshape(normalize(reshape(input, grouped), {2}, eps).x_hat, x_shape), weight, bias, param_shape);
  }
  const Shape weight_shape{channels};
  record("NativeGroupNormBackward0", {out}, {input, weight, bias}, {input, weight}, [=](const BackwardContext& c) {
    const Normalized ng = normalize(reshape(c.saved[0], grouped), {2}, eps);
    const Tensor g = c.saved[1].defined() ? mul(c.grad(), reshape(c.saved[1], param_shape)) : c.grad();
    variable_list grads(3);
    if (c.needs(0)) grads[0] = reshape(normalize_backward(reshape(g, grouped), ng, {2}), x_shape);
    affine_grads(c, c.grad(), reshape(ng.x_hat, x_shape), affine_dims, weight_shape, grads, 1);
    return grads;
  });
  return out;
}

}  // namespace gradlab

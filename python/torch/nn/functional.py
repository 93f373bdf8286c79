"""torch.nn.functional over the engine's fused ops."""
import math as _math
import warnings as _warnings

from .._engine import M, arr, check
from .._tensor import Tensor, _new, adopt

_REDUCTIONS = {"none": 0, "mean": 1, "sum": 2}


def _reduction(reduction):
    code = _REDUCTIONS.get(reduction)
    if code is None:
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return code


def _h(x, name, fn):
    if not isinstance(x, Tensor):
        raise TypeError(f"{fn}(): argument '{name}' (position 1) must be Tensor, not {type(x).__name__}")
    return x._h


def relu(input, inplace=False):
    return input.relu_() if inplace else input.relu()


def sigmoid(input):
    return input.sigmoid()


def tanh(input):
    return input.tanh()


def _gelu_approximate(approximate):
    # The engine has the exact (erf) form only; the tanh form would be silently different numbers.
    if approximate != "none":
        raise NotImplementedError(f"gelu: approximate='{approximate}' is not supported by Gradlab")


def gelu(input, approximate="none"):
    _gelu_approximate(approximate)
    return input.gelu()


def silu(input, inplace=False):
    # inplace=True writes the values back into input; its grad_fn is then CopyBackwards, not PyTorch's SiluBackward0.
    out = input.silu()
    return input.copy_(out) if inplace else out


def elu(input, alpha=1.0, inplace=False):
    return input.elu(alpha)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    return input.leaky_relu(negative_slope)


def softplus(input, beta=1, threshold=20):
    return input.softplus(beta, threshold)


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = 0 if input.dim() in (0, 1, 3) else 1
    return adopt(M._softmax(_h(input, "input", "softmax"), dim))


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = 0 if input.dim() in (0, 1, 3) else 1
    return adopt(M._log_softmax(_h(input, "input", "log_softmax"), dim))


def linear(input, weight, bias=None):
    return adopt(M._linear(_h(input, "input", "linear"), _h(weight, "weight", "linear"),
                           0 if bias is None else _h(bias, "bias", "linear")))


def _dropout(raw, fn, input, p, training, inplace):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    out = adopt(raw(_h(input, "input", fn), p, bool(training)))
    if not inplace:
        return out
    input.copy_(out)
    return input


def dropout(input, p=0.5, training=True, inplace=False):
    """PyTorch's mask for the same seed (one float64 draw per element, as its CPU bernoulli_)."""
    return _dropout(M._dropout, "dropout", input, p, training, inplace)


def dropout2d(input, p=0.5, training=True, inplace=False):
    return _dropout(M._dropout2d, "dropout2d", input, p, training, inplace)


def _warn_target_size(input, target):
    """PyTorch's warning for the losses that broadcast a target of another size (a (N,) target for a
    (N, 1) output is the classic case), pointed at the caller's line."""
    if isinstance(input, Tensor) and isinstance(target, Tensor) and target.shape != input.shape:
        _warnings.warn(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}). "
                       "This will likely lead to incorrect results due to broadcasting. "
                       "Please ensure they have the same size.", stacklevel=3)


def _loss(raw, fn, warn_size=False):
    def loss(input, target, size_average=None, reduce=None, reduction="mean", **kwargs):
        if warn_size:
            _warn_target_size(input, target)
        return adopt(raw(_h(input, "input", fn), _h(target, "target", fn), _reduction(reduction)))

    loss.__name__ = fn
    return loss


mse_loss = _loss(M._mse_loss, "mse_loss", warn_size=True)
l1_loss = _loss(M._l1_loss, "l1_loss", warn_size=True)


def _class_weight(weight, fn):
    return 0 if weight is None else _h(weight, "weight", fn)


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"):
    return adopt(M._nll_loss(_h(input, "input", "nll_loss"), _h(target, "target", "nll_loss"),
                             _class_weight(weight, "nll_loss"), _reduction(reduction), ignore_index))


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean",
                  label_smoothing=0.0):
    return adopt(M._cross_entropy(_h(input, "input", "cross_entropy"), _h(target, "target", "cross_entropy"),
                                  _class_weight(weight, "cross_entropy"), _reduction(reduction), ignore_index,
                                  label_smoothing))


binary_cross_entropy = _loss(M._binary_cross_entropy, "binary_cross_entropy")
binary_cross_entropy_with_logits = _loss(M._binary_cross_entropy_with_logits, "binary_cross_entropy_with_logits")


# ---- convolution, pooling, padding, normalisation, lookups -------------------
# Int-or-tuple arguments go to the engine as lists; it checks their lengths with
# PyTorch's texts. An optional tensor is handle 0, an optional int NaN.

def _sizes(v):
    return arr([v] if isinstance(v, int) else list(v))


def _opt(x, name, fn):
    return 0 if x is None else _h(x, name, fn)


def _pooled(hs, return_indices):
    if hs is None:
        check()
    handles = [int(h) for h in hs.to_py()]
    if return_indices:
        return _new(handles[0]), _new(handles[1])
    return _new(handles[0])


def _conv(raw, fn):
    def conv(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
        mode = 0
        if isinstance(padding, str):
            mode = {"same": 1, "valid": 2}.get(padding)
            if mode is None:
                raise RuntimeError(f"Invalid padding string: '{padding}'")
            padding = 0
        return adopt(raw(_h(input, "input", fn), _h(weight, "weight", fn), _opt(bias, "bias", fn), groups, mode,
                         _sizes(stride), _sizes(padding), _sizes(dilation)))

    conv.__name__ = fn
    return conv


conv1d = _conv(M._conv1d, "conv1d")
conv2d = _conv(M._conv2d, "conv2d")


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    fn = "conv_transpose2d"
    return adopt(M._conv_transpose2d(_h(input, "input", fn), _h(weight, "weight", fn), _opt(bias, "bias", fn), groups,
                                     _sizes(stride), _sizes(padding), _sizes(output_padding), _sizes(dilation)))


def _stride(stride):
    return arr([]) if stride is None else _sizes(stride)


def max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    hs = M._max_pool1d(_h(input, "input", "max_pool1d"), ceil_mode, return_indices, _sizes(kernel_size),
                       _stride(stride), _sizes(padding), _sizes(dilation))
    return _pooled(hs, return_indices)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    hs = M._max_pool2d(_h(input, "input", "max_pool2d"), ceil_mode, return_indices, _sizes(kernel_size),
                       _stride(stride), _sizes(padding), _sizes(dilation))
    return _pooled(hs, return_indices)


def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    return adopt(M._avg_pool1d(_h(input, "input", "avg_pool1d"), ceil_mode, count_include_pad, _math.nan,
                               _sizes(kernel_size), _stride(stride), _sizes(padding)))


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    divisor = _math.nan if divisor_override is None else divisor_override
    return adopt(M._avg_pool2d(_h(input, "input", "avg_pool2d"), ceil_mode, count_include_pad, divisor,
                               _sizes(kernel_size), _stride(stride), _sizes(padding)))


def _output_size(input, output_size):
    # None keeps that input size, as PyTorch's Python wrapper resolves it.
    if isinstance(output_size, int):
        return arr([output_size])
    shape = input.shape
    n = len(output_size)
    return arr([shape[len(shape) - n + i] if s is None else s for i, s in enumerate(output_size)])


def adaptive_avg_pool2d(input, output_size):
    return adopt(M._adaptive_avg_pool2d(_h(input, "input", "adaptive_avg_pool2d"), _output_size(input, output_size)))


def adaptive_max_pool2d(input, output_size, return_indices=False):
    hs = M._adaptive_max_pool2d(_h(input, "input", "adaptive_max_pool2d"), return_indices,
                                _output_size(input, output_size))
    return _pooled(hs, return_indices)


_PAD_MODES = {"constant": 0, "reflect": 1, "replicate": 2, "circular": 3}


def pad(input, pad, mode="constant", value=None):
    code = _PAD_MODES.get(mode)
    if code is None:
        raise NotImplementedError(f"Unrecognised padding mode {mode}")
    if code != 0 and value is not None and value != 0:
        raise RuntimeError(f'Padding mode "{mode}" doesn\'t take in value argument')
    return adopt(M._pad(_h(input, "input", "pad"), code, 0.0 if value is None else value, arr(list(pad))))


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    fn = "batch_norm"
    return adopt(M._batch_norm(_h(input, "input", fn), _opt(running_mean, "running_mean", fn),
                               _opt(running_var, "running_var", fn), _opt(weight, "weight", fn), _opt(bias, "bias", fn),
                               bool(training), 0.1 if momentum is None else momentum, eps))


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    fn = "layer_norm"
    return adopt(M._layer_norm(_h(input, "input", fn), _sizes(normalized_shape), _opt(weight, "weight", fn),
                               _opt(bias, "bias", fn), eps))


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-5):
    fn = "group_norm"
    return adopt(M._group_norm(_h(input, "input", fn), num_groups, _opt(weight, "weight", fn), _opt(bias, "bias", fn),
                               eps))


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False):
    if max_norm is not None or scale_grad_by_freq or sparse:
        raise NotImplementedError("embedding: max_norm, scale_grad_by_freq and sparse are not supported by Gradlab")
    return adopt(M._embedding(_h(input, "input", "embedding"), _h(weight, "weight", "embedding"),
                              _math.nan if padding_idx is None else padding_idx))


def one_hot(tensor, num_classes=-1):
    return adopt(M._one_hot(_h(tensor, "input", "one_hot"), num_classes))


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    fn = "cosine_similarity"
    return adopt(M._cosine_similarity(_h(x1, "x1", fn), _h(x2, "x2", fn), dim, eps))


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    fn = "smooth_l1_loss"
    _warn_target_size(input, target)
    return adopt(M._smooth_l1_loss(_h(input, "input", fn), _h(target, "target", fn), _reduction(reduction), beta))


def huber_loss(input, target, reduction="mean", delta=1.0):
    fn = "huber_loss"
    _warn_target_size(input, target)
    return adopt(M._huber_loss(_h(input, "input", fn), _h(target, "target", fn), _reduction(reduction), delta))


def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):
    fn = "kl_div"
    code = 3 if reduction == "batchmean" else _reduction(reduction)
    return adopt(M._kl_div(_h(input, "input", fn), _h(target, "target", fn), code, bool(log_target)))

"""torch.nn.functional over the engine's fused ops."""
from .._engine import M
from .._tensor import Tensor, adopt

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


def gelu(input, approximate="none"):
    return input.gelu()


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


def dropout(input, p=0.5, training=True, inplace=False):
    if p < 0 or p > 1:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    return adopt(M._dropout(_h(input, "input", "dropout"), p, bool(training)))


def _loss(raw, fn):
    def loss(input, target, size_average=None, reduce=None, reduction="mean", **kwargs):
        return adopt(raw(_h(input, "input", fn), _h(target, "target", fn), _reduction(reduction)))

    loss.__name__ = fn
    return loss


mse_loss = _loss(M._mse_loss, "mse_loss")
l1_loss = _loss(M._l1_loss, "l1_loss")


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

"""A pure-Python `torch` over Gradlab's engine (Python mode): PyTorch 1.13's
surface for what the engine implements, printing and errors included."""
import builtins as _builtins
import math as _math
import numbers as _numbers

from . import _dtype, _out
from ._dtype import Size, bool_ as bool, double, dtype, float, float32, float64, int64, long  # noqa: A001
from ._device import check_device as _check_device, device
from ._engine import M as _M, arr as _arr
from ._data import from_data as _from_data
from ._tensor import (LEGACY_TENSOR as _LEGACY_TENSOR, Tensor, adopt as _adopt, as_tensor_operand as _operand,
                      live as _live)
from . import _tensor_math, _tensor_shape  # noqa: F401  (they install Tensor's methods)
from . import autograd
from .autograd import enable_grad, inference_mode, is_grad_enabled, no_grad, set_grad_enabled
from . import nn, optim  # noqa: E402
from ._sampling import multinomial, randperm  # noqa: E402
from . import utils  # noqa: E402
from . import backends  # noqa: E402
from .serialization import load, save  # noqa: E402
from ._info import finfo, iinfo  # noqa: E402


def get_default_dtype():
    # The engine's default floating dtype is float32, always (there is no set_default_dtype).
    return float32
from ._numpy import ndarray as _ndarray

__version__ = "1.13.1"
int = int64  # noqa: A001  (torch.int is int32 in PyTorch; the engine's only integer type is int64)
pi = _math.pi
inf = _math.inf
nan = _math.nan


def _options(t, requires_grad):
    if requires_grad:
        # The factories' own wording (requires_grad_ and the attribute have two others).
        if not t.is_floating_point():
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        t.requires_grad = True
    return t


def tensor(data, *, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    if isinstance(data, Tensor):
        t = data.detach().clone() if dtype is None else data.detach().to(dtype).clone()
        return _options(t, requires_grad)
    return _options(_from_data(data, dtype), requires_grad)


def as_tensor(data, dtype=None, device=None):
    _check_device(device)
    if isinstance(data, Tensor):
        return data.to(dtype) if dtype is not None else data
    return _from_data(data, dtype)


def from_numpy(array):
    if not isinstance(array, _ndarray):
        raise TypeError(f"expected np.ndarray (got {type(array).__name__})")
    return array._tensor.detach()  # the same memory, as PyTorch's from_numpy


def is_tensor(obj):
    return isinstance(obj, Tensor)


def _sizes(sizes):
    if len(sizes) == 1 and isinstance(sizes[0], (list, tuple)):
        sizes = tuple(sizes[0])
    for s in sizes:
        if not isinstance(s, _numbers.Integral):
            raise TypeError(f"zeros(): argument 'size' must be tuple of ints, but found element of type {type(s).__name__} at pos 0")
    return _arr(sizes)


def _creation(raw):
    def make(*size, dtype=None, device=None, requires_grad=False, out=None):
        _check_device(device)
        return _options(_adopt(raw(_sizes(size), _dtype.code_of(dtype))), requires_grad)

    return make


zeros = _creation(_M._zeros)
ones = _creation(_M._ones)
empty = _creation(_M._empty)
rand = _creation(_M._rand)
randn = _creation(_M._randn)


def full(size, fill_value, *, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    default = 3 if isinstance(fill_value, _builtins.bool) else 2 if isinstance(fill_value, _numbers.Integral) else 0
    return _options(_adopt(_M._full(_arr(size), _builtins.float(fill_value), _dtype.code_of(dtype, default))), requires_grad)


def randint(low, high=None, size=None, *, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    if size is None:
        low, high, size = 0, low, high
    return _adopt(_M._randint(low, high, _arr(size), _dtype.code_of(dtype, 2)))


def arange(start, end=None, step=1, *, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    if end is None:
        start, end = 0, start
    ints = _builtins.all(isinstance(v, _numbers.Integral) for v in (start, end, step))
    return _options(_adopt(_M._arange(start, end, step, _dtype.code_of(dtype, 2 if ints else 0))), requires_grad)


def linspace(start, end, steps, *, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    return _options(_adopt(_M._linspace(start, end, steps, _dtype.code_of(dtype))), requires_grad)


def eye(n, m=None, *, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    return _options(_adopt(_M._eye(n, -1 if m is None else m, _dtype.code_of(dtype))), requires_grad)


def _like(raw):
    """zeros_like and friends; a dtype makes the tensor in that dtype, as PyTorch (rand_like of an int64
    tensor with dtype=torch.float draws floats): the engine makes it like a converted, detached copy."""
    def make(input, *, dtype=None, device=None, requires_grad=False):
        _check_device(device)
        like = input if dtype is None or dtype is input.dtype else input.detach().to(dtype)
        return _options(_adopt(raw(like._h)), requires_grad)

    return make


zeros_like = _like(_M._zeros_like)
ones_like = _like(_M._ones_like)
rand_like = _like(_M._rand_like)
randn_like = _like(_M._randn_like)


def empty_like(input, **kwargs):
    return zeros_like(input, **kwargs)


def full_like(input, fill_value, *, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    t = _adopt(_M._full_like(input._h, fill_value))
    if dtype is not None:
        t = t.to(dtype)
    return _options(t, requires_grad)


# Tensor.new_*: a new tensor with the tensor's dtype unless dtype says otherwise.
def _new_factory(make):
    def new(self, *size, dtype=None, device=None, requires_grad=False):
        _check_device(device)
        return make(*size, dtype=self.dtype if dtype is None else dtype, requires_grad=requires_grad)

    return new


Tensor.new_zeros = _new_factory(zeros)
Tensor.new_ones = _new_factory(ones)
Tensor.new_empty = _new_factory(empty)


def _new_full(self, size, fill_value, *, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    return full(size, fill_value, dtype=self.dtype if dtype is None else dtype, requires_grad=requires_grad)


def _new_tensor(self, data, *, dtype=None, device=None, requires_grad=False):
    _check_device(device)
    return tensor(data, dtype=self.dtype if dtype is None else dtype, requires_grad=requires_grad)


Tensor.new_full = _new_full
Tensor.new_tensor = _new_tensor


def manual_seed(seed):
    _M._manual_seed(_builtins.int(seed))
    return None


def _legacy_constructor(dt):
    def construct(*args):
        if args and _builtins.all(isinstance(a, _numbers.Integral) and not isinstance(a, _builtins.bool) for a in args):
            t = zeros(*args, dtype=dt)
            _M._set_legacy(t._h, _LEGACY_TENSOR)
            return t
        if len(args) == 1 and isinstance(args[0], Size):
            return construct(*args[0])
        return _from_data(args[0] if args else [], dt, _LEGACY_TENSOR)

    return construct


FloatTensor = _legacy_constructor(float32)
DoubleTensor = _legacy_constructor(float64)
LongTensor = _legacy_constructor(int64)
Variable = autograd.Variable


def where(condition, input=None, other=None):
    if input is None and other is None:
        return condition.nonzero(as_tuple=True)
    c, a, b = _operand(condition), _operand(input), _operand(other)
    return _adopt(_M._where(c._h, a._h, b._h))


def _handles(tensors):
    hs = []
    for t in tensors:
        if not isinstance(t, Tensor):
            raise TypeError(f"expected Tensor as element 0 in argument 0, but got {type(t).__name__}")
        hs.append(t._h)
    return _arr(hs)


def cat(tensors, dim=0):
    return _adopt(_M._cat(_handles(tensors), dim))


concat = cat


def stack(tensors, dim=0):
    return _adopt(_M._stack(_handles(tensors), dim))


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return input.allclose(other, rtol, atol, equal_nan)


def equal(input, other):
    return input.equal(other)


def numel(input):
    return input.numel()


# Function forms of the tensor methods: torch.add(a, b) == a.add(b).
def _function_form(name):
    method = getattr(Tensor, name)

    def fn(input, *args, out=None, **kwargs):
        if not isinstance(input, Tensor):
            if isinstance(input, _numbers.Number):
                input = _operand(input)
            else:
                raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}")
        if out is None:
            return method(input, *args, **kwargs)
        _out.check_no_grad(name, (input, out) + args + tuple(kwargs.values()))
        result = method(input, *args, **kwargs)
        if isinstance(result, tuple):  # (values, indices): out=(values, indices), PyTorch's <name>_out result
            return _tensor_math._named_tuple(f"{name}_out")(*[_out.write(r, o) for r, o in zip(result, out)])
        return _out.write(result, out)

    fn.__name__ = name
    return fn


for _name in ("add", "sub", "mul", "div", "pow", "neg", "abs", "square", "sqrt", "rsqrt", "reciprocal", "exp",
              "log", "log1p", "expm1", "sin", "cos", "tan", "tanh", "sigmoid", "relu", "sign", "clamp", "clip",
              "maximum", "minimum", "eq", "ne", "lt", "le", "gt", "ge", "sum", "mean", "prod", "var", "std", "norm",
              "logsumexp", "amax", "amin", "max", "min", "argmax", "argmin", "matmul", "mm", "bmm", "mv", "dot",
              "outer", "t", "reshape", "flatten", "transpose", "permute", "squeeze", "unsqueeze", "clone", "split",
              "chunk", "select", "narrow", "index_select", "gather", "masked_fill", "index_add", "scatter_add",
              "softmax", "log_softmax", "detach", "multiply", "divide", "subtract", "negative", "unbind",
              "swapaxes", "true_divide", "floor_divide", "remainder", "fmod", "all", "any", "nonzero", "isclose",
              "logical_not", "absolute", "square", "sort", "argsort", "topk", "cumsum", "bincount", "floor", "ceil",
              "round", "trunc", "fix", "frac", "isnan", "isinf", "isfinite", "tril", "triu", "index_put", "cumprod",
              "flip"):
    globals()[_name] = _function_form(_name)

_pow_of_tensor = pow


def pow(input, exponent, *, out=None):  # noqa: A001
    """torch.pow(number, tensor) is PyTorch's pow(Scalar, Tensor) (PowBackward2); 2 ** x is a tensor's pow."""
    if isinstance(input, (_builtins.int, _builtins.float)) and not isinstance(input, _builtins.bool) \
            and isinstance(exponent, Tensor):
        if out is not None:
            _out.check_no_grad("pow", (exponent, out))
        if isinstance(input, _builtins.float) and not exponent.is_floating_point():
            # The engine reads an integral float as an int; a float base makes a float result (float32).
            exponent = exponent.to(float32)
        result = _adopt(_M._rpow_scalar(exponent._h, input))
        return result if out is None else _out.write(result, out)
    return _pow_of_tensor(input, exponent, out=out)


# ---- printing ----------------------------------------------------------------
_PROFILES = {
    "default": dict(precision=4, threshold=1000, edgeitems=3, linewidth=80),
    "short": dict(precision=2, threshold=1000, edgeitems=2, linewidth=80),
    "full": dict(precision=4, threshold=_math.inf, edgeitems=3, linewidth=80),
}
_print_options = dict(_PROFILES["default"], sci_mode=None)


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None):
    if profile is not None:
        _print_options.update(_PROFILES[profile])
    for key, value in (("precision", precision), ("threshold", threshold), ("edgeitems", edgeitems),
                       ("linewidth", linewidth)):
        if value is not None:
            _print_options[key] = value
    _print_options["sci_mode"] = sci_mode
    o = _print_options
    sci = -1 if sci_mode is None else 1 if sci_mode else 0
    _M._set_torch_printoptions(o["precision"], _builtins.min(o["threshold"], 1e15), o["edgeitems"], o["linewidth"], sci)


# ---- memory ------------------------------------------------------------------
def memory():
    """Gradlab's {'tensors': live engine handles held by Python, 'bytes': tensor storage,
    'nodes': live grad_fn handles, 'hooks': hook functions the engine still holds}."""
    return {"tensors": _live[0], "bytes": _builtins.int(_M._memory_bytes()),
            "nodes": autograd.live_nodes[0], "hooks": autograd.live_hooks()}


def get_num_threads():
    return 1


def set_num_threads(n):
    return None


class _Cuda:
    """torch.cuda on a CPU-only build: nothing is available; seeding it does nothing, as PyTorch's lazy
    CUDA seeding does without a GPU."""

    @staticmethod
    def is_available():
        return False

    @staticmethod
    def device_count():
        return 0

    @staticmethod
    def manual_seed(seed):
        return None

    manual_seed_all = manual_seed


cuda = _Cuda()

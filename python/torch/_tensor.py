"""torch.Tensor: a Python object owning one engine handle.

Hot ops are one FFI call on integer handles (no proxies, no conversions); the
handle is freed when CPython frees the object (`__del__`), so memory follows
Python's reference counting and needs no dispose().
"""
import builtins
import math
import numbers

from . import _dtype
from ._dtype import Size
from ._engine import M, arr, bridge, check, error_class, error_flag, failed

# Cached JS function references: looking a name up on the module each call would make a proxy per op.
_free = M._free_tensor
_share = M._share
_add, _sub, _mul, _div, _pow = M._add, M._sub, M._mul, M._div, M._pow
_add_s, _sub_s, _rsub_s, _mul_s, _div_s, _pow_s = (
    M._add_scalar, M._sub_scalar, M._rsub_scalar, M._mul_scalar, M._div_scalar, M._pow_scalar)
_scalar = M._scalar
_flags = M._flags
_repr = M._repr

# Live handles owned by Python tensors, for torch.memory().
live = [0]
# Printing style forced by set_printoptions(style=...): -1 auto, 0 modern, 1 legacy.
print_style = [-1]

LEGACY_TENSOR, LEGACY_VARIABLE = 1, 2


def _new(h, cls=None):
    t = object.__new__(cls or Tensor)
    t._h = h
    live[0] += 1
    return t


def adopt(h):
    """Wraps a handle from the last engine call, raising its error if it failed."""
    if not h:
        failed()
    t = object.__new__(Tensor)
    t._h = h
    live[0] += 1
    return t


def _is_number(x):
    return isinstance(x, numbers.Number) and not isinstance(x, Tensor)


def wrapped_scalar(x):
    """A 0-d tensor for a Python number, typed as PyTorch types a wrapped number."""
    if isinstance(x, builtins.bool):
        return adopt(_scalar(1 if x else 0, 3, True))
    if isinstance(x, numbers.Integral):
        return adopt(_scalar(x, 2, True))
    return adopt(_scalar(builtins.float(x), 1, True))


def as_tensor_operand(x):
    if isinstance(x, Tensor):
        return x
    if _is_number(x):
        return wrapped_scalar(x)
    from . import tensor
    return tensor(x)


def flatten_data(data):
    """Nested sequences (or numbers, tensors, ndarrays) -> (flat list, shape, dtype code)."""
    from ._numpy import ndarray
    if isinstance(data, Tensor):
        return data.tolist_flat(), list(data.shape), data._code()
    if isinstance(data, ndarray):
        return data._flat(), list(data.shape), data._code
    shape = []
    probe = data
    while isinstance(probe, (list, tuple, Tensor, ndarray)):
        if isinstance(probe, Tensor) and probe.dim() == 0:
            break
        n = len(probe)
        shape.append(n)
        if n == 0:
            break
        probe = probe[0]
    flat = []
    kinds = set()

    def walk(v, depth):
        if depth == len(shape):
            if isinstance(v, Tensor):
                if v.numel() != 1 or v.dim() != 0:
                    raise ValueError("only one element tensors can be converted to Python scalars")
                kinds.add(v._code())
                v = v.item()
            elif isinstance(v, builtins.bool):
                kinds.add(3)
            elif isinstance(v, numbers.Integral):
                kinds.add(2)
            elif isinstance(v, numbers.Real):
                kinds.add(0)
            elif isinstance(v, (list, tuple)):
                raise ValueError(f"expected sequence of length {shape[depth - 1]} at dim {depth - 1} (got {len(v)})")
            else:
                raise TypeError(f"Could not infer dtype of {type(v).__name__}")
            flat.append(v)
            return
        if not isinstance(v, (list, tuple, Tensor, ndarray)):
            raise TypeError(f"not a sequence")
        if len(v) != shape[depth]:
            raise ValueError(f"expected sequence of length {shape[depth]} at dim {depth} (got {len(v)})")
        for x in v:
            walk(x, depth + 1)

    walk(data, 0)
    if not kinds or kinds & {0, 1}:
        code = 0
    elif 2 in kinds:
        code = 2
    else:
        code = 3
    return flat, shape, code


def from_data(data, dtype=None, legacy=0, default_code=None):
    flat, shape, code = flatten_data(data)
    if dtype is not None:
        code = _dtype.code_of(dtype)
    elif default_code is not None:
        code = default_code
    return adopt(bridge.fromData(flat, shape, code, legacy))


def _dims(dim):
    if dim is None:
        return arr([])
    if isinstance(dim, (list, tuple)):
        return arr(dim)
    return arr([dim])


def _sizes(sizes):
    if len(sizes) == 1 and isinstance(sizes[0], (list, tuple)):
        sizes = sizes[0]
    for s in sizes:
        if not isinstance(s, numbers.Integral):
            raise TypeError(f"an integer is required (got type {type(s).__name__})")
    return arr(sizes)


class Tensor:
    __slots__ = ("_h", "__weakref__")

    def __new__(cls, *args, **kwargs):
        """torch.Tensor(data) or torch.Tensor(*sizes): a float32 tensor, printed in today's format."""
        if args and all(isinstance(a, numbers.Integral) and not isinstance(a, builtins.bool) for a in args):
            return adopt(M._zeros(arr(args), 0))
        return from_data(args[0] if args else [], _dtype.float32)

    def __del__(self):
        h = self._h
        if h:
            self._h = 0
            live[0] -= 1
            _free(h)

    def _adopt_result(self, h):
        if not h:
            failed()
        return _new(h)

    # ---- metadata -----------------------------------------------------
    def _meta(self):
        m = M._meta(self._h)
        return m.to_py()

    def _code(self):
        return self._meta()[0]

    @property
    def shape(self):
        return Size(self._meta()[1:])

    def size(self, dim=None):
        shape = self._meta()[1:]
        if dim is None:
            return Size(shape)
        return shape[_wrap_dim(dim, len(shape))]

    @property
    def dtype(self):
        return _dtype.BY_CODE[self._code()]

    @property
    def device(self):
        from . import device
        return device("cpu")

    @property
    def ndim(self):
        return len(self._meta()) - 1

    def dim(self):
        return len(self._meta()) - 1

    def ndimension(self):
        return self.dim()

    def numel(self):
        n = 1
        for s in self._meta()[1:]:
            n *= s
        return n

    nelement = numel

    def element_size(self):
        return self.dtype.itemsize

    def is_floating_point(self):
        return self._code() < 2

    @property
    def is_cuda(self):
        return False

    @property
    def requires_grad(self):
        return (_flags(self._h) & 1) != 0

    @requires_grad.setter
    def requires_grad(self, value):
        M._set_requires_grad(self._h, builtins.bool(value))
        check()

    def requires_grad_(self, requires_grad=True):
        self.requires_grad = requires_grad
        return self

    @property
    def is_leaf(self):
        return (_flags(self._h) & 2) != 0

    @property
    def volatile(self):
        return (_flags(self._h) & 4) != 0

    @volatile.setter
    def volatile(self, value):
        M._set_volatile(self._h, builtins.bool(value))

    @property
    def retains_grad(self):
        return (_flags(self._h) & 8) != 0

    @property
    def _version(self):
        return int(M._version(self._h))

    @property
    def grad(self):
        g = M._grad(self._h)
        return _new(g) if g else None

    @grad.setter
    def grad(self, value):
        if value is not None and not isinstance(value, Tensor):
            raise TypeError(f"assigned grad expected to be a Tensor or None but got grad of type {type(value).__name__}")
        M._set_grad(self._h, value._h if value is not None else 0)
        check()

    @grad.deleter
    def grad(self):
        M._set_grad(self._h, 0)

    @property
    def data(self):
        return adopt(M._data(self._h))

    @data.setter
    def data(self, value):
        with _no_grad():
            self.copy_(value)

    @property
    def grad_fn(self):
        from .autograd import node_of
        return node_of(self)

    # ---- values out ---------------------------------------------------
    def item(self):
        v = M._item(self._h)
        if error_flag():
            message = M._take_error()
            if message.startswith("a Tensor with"):
                raise ValueError("only one element tensors can be converted to Python scalars")
            raise error_class(message)(message)
        code = self._code()
        if code == 3:
            return v != 0
        if code == 2:
            return int(v)
        # JS numbers that happen to be integral arrive as Python ints.
        return builtins.float(v)

    def tolist_flat(self):
        values = bridge.typedValues(self._h)
        check()
        # A TypedArray's buffer read as one memoryview: floats stay floats, one copy for all values.
        values = values.to_py().tolist()
        code = self._code()
        if code == 3:
            return [v != 0 for v in values]
        if code == 2:
            return [int(v) for v in values]
        return values

    def tolist(self):
        return _nest(self.tolist_flat(), list(self.shape))

    def numpy(self):
        if self.requires_grad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        from ._numpy import ndarray
        values = bridge.typedValues(self._h)
        check()
        return ndarray(values, list(self.shape), self._code(), (_flags(self._h) >> 4) != 0)

    def __repr__(self, *, tensor_contents=None):
        s = _repr(self._h, print_style[0])
        check()
        return s

    __str__ = __repr__

    def __format__(self, spec):
        if self.dim() == 0:
            return self.item().__format__(spec)
        if spec:
            raise TypeError("unsupported format string passed to Tensor.__format__")
        return str(self)

    def __bool__(self):
        if self.numel() != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return builtins.bool(self.item())

    def __float__(self):
        if self.numel() != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return builtins.float(self.item())

    def __int__(self):
        if self.numel() != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return int(self.item())

    def __index__(self):
        if self._code() != 2 or self.numel() != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    def __len__(self):
        shape = self._meta()[1:]
        if not shape:
            raise TypeError("len() of a 0-d tensor")
        return shape[0]

    def __iter__(self):
        shape = self._meta()[1:]
        if not shape:
            raise TypeError("iteration over a 0-d tensor")
        return (self.select(0, i) for i in range(shape[0]))

    def __hash__(self):
        return id(self)

    def __contains__(self, element):
        return (self == element).any().item()

    # ---- arithmetic (one engine call for tensor or number operands) ----
    def __add__(self, other):
        if isinstance(other, Tensor):
            return adopt(_add(self._h, other._h, 1))
        if isinstance(other, (int, builtins.float)):
            return adopt(_add_s(self._h, other))
        return self.add(other)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, Tensor):
            return adopt(_sub(self._h, other._h, 1))
        if isinstance(other, (int, builtins.float)):
            return adopt(_sub_s(self._h, other))
        return self.sub(other)

    def __rsub__(self, other):
        if isinstance(other, (int, builtins.float)):
            return adopt(_rsub_s(self._h, other))
        return as_tensor_operand(other).sub(self)

    def __mul__(self, other):
        if isinstance(other, Tensor):
            return adopt(_mul(self._h, other._h))
        if isinstance(other, (int, builtins.float)):
            return adopt(_mul_s(self._h, other))
        return self.mul(other)

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, Tensor):
            return adopt(_div(self._h, other._h))
        if isinstance(other, (int, builtins.float)):
            return adopt(_div_s(self._h, other))
        return self.div(other)

    def __rtruediv__(self, other):
        return as_tensor_operand(other).div(self)

    def __pow__(self, other):
        if isinstance(other, Tensor):
            return adopt(_pow(self._h, other._h))
        if isinstance(other, (int, builtins.float)):
            return adopt(_pow_s(self._h, other))
        return self.pow(other)

    def __rpow__(self, other):
        return as_tensor_operand(other).pow(self)

    def __floordiv__(self, other):
        return self.floor_divide(other)

    def __rfloordiv__(self, other):
        return as_tensor_operand(other).floor_divide(self)

    def __mod__(self, other):
        return self.remainder(other)

    def __rmod__(self, other):
        return as_tensor_operand(other).remainder(self)

    def __matmul__(self, other):
        if not isinstance(other, Tensor):
            return NotImplemented
        return adopt(M._matmul(self._h, other._h))

    def __rmatmul__(self, other):
        return NotImplemented

    def __neg__(self):
        return adopt(M._neg(self._h))

    def __pos__(self):
        return self

    def __abs__(self):
        return adopt(M._abs(self._h))

    def __invert__(self):
        if self._code() != 3:
            raise TypeError("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
        return self.logical_not()

    def __and__(self, other):
        return (self.to(_dtype.bool_).long() * as_tensor_operand(other).to(_dtype.bool_).long()).bool()

    def __or__(self, other):
        return (self.to(_dtype.bool_).long() + as_tensor_operand(other).to(_dtype.bool_).long()).bool()

    def logical_not(self):
        return self.to(_dtype.bool_).eq(False)

    def __iadd__(self, other):
        return self.add_(other)

    def __isub__(self, other):
        return self.sub_(other)

    def __imul__(self, other):
        return self.mul_(other)

    def __itruediv__(self, other):
        return self.div_(other)

    def __eq__(self, other):
        return self.eq(other)

    def __ne__(self, other):
        return self.ne(other)

    def __lt__(self, other):
        return self.lt(other)

    def __le__(self, other):
        return self.le(other)

    def __gt__(self, other):
        return self.gt(other)

    def __ge__(self, other):
        return self.ge(other)

    # ---- method forms ---------------------------------------------------
    def add(self, other, *, alpha=1):
        if isinstance(other, Tensor):
            return adopt(_add(self._h, other._h, alpha))
        if _is_number(other):
            return adopt(_add_s(self._h, alpha * other))
        o = as_tensor_operand(other)
        return adopt(_add(self._h, o._h, alpha))

    def sub(self, other, *, alpha=1):
        if isinstance(other, Tensor):
            return adopt(_sub(self._h, other._h, alpha))
        if _is_number(other):
            return adopt(_sub_s(self._h, alpha * other))
        o = as_tensor_operand(other)
        return adopt(_sub(self._h, o._h, alpha))

    subtract = sub

    def _binary(self, other, raw, raw_scalar):
        if isinstance(other, Tensor):
            return adopt(raw(self._h, other._h))
        if raw_scalar is not None and isinstance(other, (int, builtins.float)) and not isinstance(other, builtins.bool):
            return adopt(raw_scalar(self._h, other))
        o = as_tensor_operand(other)
        return adopt(raw(self._h, o._h))

    def mul(self, other):
        return self._binary(other, _mul, _mul_s)

    multiply = mul

    def div(self, other, *, rounding_mode=None):
        if rounding_mode == "floor":
            return self.floor_divide(other)
        if rounding_mode is not None:
            raise RuntimeError(f"div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '{rounding_mode}'")
        return self._binary(other, _div, _div_s)

    divide = div
    true_divide = div

    def pow(self, exponent):
        return self._binary(exponent, _pow, _pow_s)

    def maximum(self, other):
        return self._binary(other, M._maximum, None)

    def minimum(self, other):
        return self._binary(other, M._minimum, None)

    def floor_divide(self, other):
        # The engine has no floor op; quotients are computed from the values (floor_divide has no gradient).
        o = as_tensor_operand(other)
        a, b = _broadcast_values(self, o)
        mine, theirs = self._code(), o._code()
        code = mine if mine < 2 else theirs if theirs < 2 else 2
        values = [_floordiv(x, y) for x, y in zip(a[0], b[0])]
        return from_data(_nest(values, a[1]) if a[1] else values[0], dtype=_dtype.BY_CODE[code])

    def remainder(self, other):
        # a - floor(a / b) * b, with the quotient a constant: remainder's gradient is 1 for a and -floor(a/b) for b.
        o = as_tensor_operand(other)
        q = self.floor_divide(o)
        return self - q * o

    fmod = remainder

    def eq(self, other):
        return self._compare(other, M._eq, M._eq_scalar)

    def ne(self, other):
        return self._compare(other, M._ne, M._ne_scalar)

    def lt(self, other):
        return self._compare(other, M._lt, M._lt_scalar)

    def le(self, other):
        return self._compare(other, M._le, M._le_scalar)

    def gt(self, other):
        return self._compare(other, M._gt, M._gt_scalar)

    def ge(self, other):
        return self._compare(other, M._ge, M._ge_scalar)

    def _compare(self, other, raw, raw_scalar):
        if isinstance(other, Tensor):
            return adopt(raw(self._h, other._h))
        if _is_number(other):
            return adopt(raw_scalar(self._h, builtins.float(other)))
        if other is None:
            return False if raw is M._eq else True
        return adopt(raw(self._h, as_tensor_operand(other)._h))

    def equal(self, other):
        return self.shape == other.shape and builtins.bool(self.eq(other).all())

    def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        r = M._allclose(self._h, other._h, rtol, atol, equal_nan)
        check()
        return builtins.bool(r)

    def isclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        return (self - other).abs() <= atol + rtol * other.abs()

    def all(self, dim=None, keepdim=False):
        b = self.to(_dtype.bool_).long()
        if dim is None:
            return b.sum().eq(self.numel())
        return b.sum(dim, keepdim).eq(self.size(dim))

    def any(self, dim=None, keepdim=False):
        b = self.to(_dtype.bool_).long()
        if dim is None:
            return b.sum().gt(0)
        return b.sum(dim, keepdim).gt(0)

    def clamp(self, min=None, max=None):
        if min is None and max is None:
            raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
        return adopt(M._clamp(self._h, -math.inf if min is None else min, math.inf if max is None else max))

    clip = clamp

    def clamp_(self, min=None, max=None):
        if min is None and max is None:
            raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
        self._in_place(M._clamp_(self._h, -math.inf if min is None else min, math.inf if max is None else max))
        return self

    def clamp_min(self, min):
        return self.clamp(min=min)

    def clamp_max(self, max):
        return self.clamp(max=max)

    def leaky_relu(self, negative_slope=0.01):
        return adopt(M._leaky_relu(self._h, negative_slope))

    def elu(self, alpha=1.0):
        return adopt(M._elu(self._h, alpha))

    def softplus(self, beta=1, threshold=20):
        return adopt(M._softplus(self._h, beta, threshold))

    def where(self, condition, other):
        from . import where
        return where(condition, self, other)

    # ---- reductions -----------------------------------------------------
    def sum(self, dim=None, keepdim=False, *, dtype=None):
        t = self if dtype is None else self.to(dtype)
        if dim is None and not keepdim:
            return adopt(M._sum_all(t._h))
        return adopt(M._sum(t._h, _dims(dim), keepdim))

    def mean(self, dim=None, keepdim=False, *, dtype=None):
        t = self if dtype is None else self.to(dtype)
        if dim is None and not keepdim:
            return adopt(M._mean_all(t._h))
        return adopt(M._mean(t._h, _dims(dim), keepdim))

    def logsumexp(self, dim, keepdim=False):
        return adopt(M._logsumexp(self._h, _dims(dim), keepdim))

    def amax(self, dim=(), keepdim=False):
        return adopt(M._amax(self._h, _dims(dim), keepdim))

    def amin(self, dim=(), keepdim=False):
        return adopt(M._amin(self._h, _dims(dim), keepdim))

    def var(self, dim=None, unbiased=True, keepdim=False, *, correction=None):
        if correction is not None:
            unbiased = correction != 0
        return adopt(M._var(self._h, _dims(dim), builtins.bool(unbiased), keepdim))

    def std(self, dim=None, unbiased=True, keepdim=False, *, correction=None):
        if correction is not None:
            unbiased = correction != 0
        return adopt(M._std(self._h, _dims(dim), builtins.bool(unbiased), keepdim))

    def norm(self, p="fro", dim=None, keepdim=False):
        if p is None or p == "fro":
            p = 2
        return adopt(M._norm(self._h, builtins.float(p), _dims(dim), keepdim))

    def prod(self, dim=None, keepdim=False):
        if dim is None:
            return adopt(M._prod_all(self._h))
        return adopt(M._prod(self._h, dim, keepdim))

    def argmax(self, dim=None, keepdim=False):
        if dim is None:
            return adopt(M._argmax_all(self._h))
        return adopt(M._argmax(self._h, dim, keepdim))

    def argmin(self, dim=None, keepdim=False):
        if dim is None:
            return adopt(M._argmin_all(self._h))
        return adopt(M._argmin(self._h, dim, keepdim))

    def max(self, dim=None, keepdim=False):
        if isinstance(dim, Tensor):
            return self.maximum(dim)
        if dim is None:
            return adopt(M._max_all(self._h))
        return _values_indices("max", M._max(self._h, dim, keepdim))

    def min(self, dim=None, keepdim=False):
        if isinstance(dim, Tensor):
            return self.minimum(dim)
        if dim is None:
            return adopt(M._min_all(self._h))
        return _values_indices("min", M._min(self._h, dim, keepdim))

    # ---- linear algebra --------------------------------------------------
    def matmul(self, other):
        return adopt(M._matmul(self._h, _tensor_arg(other, "other")))

    def mm(self, mat2):
        return adopt(M._mm(self._h, _tensor_arg(mat2, "mat2")))

    def bmm(self, mat2):
        return adopt(M._bmm(self._h, _tensor_arg(mat2, "mat2")))

    def mv(self, vec):
        return adopt(M._mv(self._h, _tensor_arg(vec, "vec")))

    def dot(self, other):
        return adopt(M._dot(self._h, _tensor_arg(other, "tensor")))

    def outer(self, vec2):
        return adopt(M._outer(self._h, _tensor_arg(vec2, "vec2")))

    ger = outer

    @property
    def T(self):
        n = self.dim()
        return self.permute(*range(n - 1, -1, -1))

    @property
    def mT(self):
        return self.transpose(-2, -1)

    # ---- shape -------------------------------------------------------------
    def view(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], _dtype.dtype):
            raise RuntimeError("view(dtype) is not supported")
        return adopt(M._view(self._h, _sizes(shape)))

    def reshape(self, *shape):
        return adopt(M._reshape(self._h, _sizes(shape)))

    def expand(self, *sizes):
        return adopt(M._expand(self._h, _sizes(sizes)))

    def repeat(self, *sizes):
        return adopt(M._repeat(self._h, _sizes(sizes)))

    def permute(self, *dims):
        return adopt(M._permute(self._h, _sizes(dims)))

    def view_as(self, other):
        return self.view(other.shape)

    def reshape_as(self, other):
        return self.reshape(other.shape)

    def expand_as(self, other):
        return self.expand(other.shape)

    def flatten(self, start_dim=0, end_dim=-1):
        return adopt(M._flatten(self._h, start_dim, end_dim))

    def transpose(self, dim0, dim1):
        return adopt(M._transpose(self._h, dim0, dim1))

    swapaxes = transpose

    def t(self):
        return adopt(M._t(self._h))

    def squeeze(self, dim=None):
        if dim is None:
            return adopt(M._squeeze_all(self._h))
        return adopt(M._squeeze(self._h, dim))

    def unsqueeze(self, dim):
        return adopt(M._unsqueeze(self._h, dim))

    def contiguous(self):
        return adopt(M._contiguous(self._h))

    def clone(self):
        return adopt(M._clone(self._h))

    def split(self, split_size, dim=0):
        if isinstance(split_size, (list, tuple)):
            parts = M._split_sizes(self._h, arr(split_size), dim)
        else:
            parts = M._split(self._h, split_size, dim)
        return _handles_tuple(parts)

    def chunk(self, chunks, dim=0):
        return _handles_tuple(M._chunk(self._h, chunks, dim))

    def unbind(self, dim=0):
        return tuple(self.select(dim, i) for i in range(self.size(dim)))

    # ---- dtype -------------------------------------------------------------
    def to(self, *args, **kwargs):
        target = kwargs.get("dtype")
        for a in args:
            if isinstance(a, _dtype.dtype):
                target = a
            elif isinstance(a, Tensor):
                target = a.dtype
        if target is None or target.code == self._code():
            return self
        return adopt(M._to(self._h, target.code))

    def type(self, dtype=None):
        names = {"torch.FloatTensor": _dtype.float32, "torch.DoubleTensor": _dtype.float64,
                 "torch.LongTensor": _dtype.int64, "torch.BoolTensor": _dtype.bool_}
        if dtype is None:
            return {v.code: k for k, v in names.items()}[self._code()]
        return self.to(names[dtype] if isinstance(dtype, str) else dtype)

    def float(self):
        return self.to(_dtype.float32)

    def double(self):
        return self.to(_dtype.float64)

    def long(self):
        return self.to(_dtype.int64)

    def int(self):
        return self.to(_dtype.int64)

    def bool(self):
        return self.to(_dtype.bool_)

    def type_as(self, other):
        return self.to(other.dtype)

    def cpu(self):
        return self

    def detach(self):
        return adopt(M._detach(self._h))

    def detach_(self):
        M._detach_(self._h)
        check()
        return self

    def retain_grad(self):
        M._retain_grad(self._h)
        check()

    # ---- indexing ------------------------------------------------------------
    def select(self, dim, index):
        return adopt(M._select(self._h, dim, index))

    def narrow(self, dim, start, length):
        return adopt(M._narrow(self._h, dim, start, length))

    def index_select(self, dim, index):
        return adopt(M._index_select(self._h, dim, _tensor_arg(index, "index")))

    def gather(self, dim, index):
        return adopt(M._gather(self._h, dim, _tensor_arg(index, "index")))

    def masked_fill(self, mask, value):
        if isinstance(value, Tensor):
            value = value.item()
        return adopt(M._masked_fill(self._h, _tensor_arg(mask, "mask"), builtins.float(value)))

    def masked_fill_(self, mask, value):
        filled = self.masked_fill(mask, value)
        return self.copy_(filled)

    def index_add(self, dim, index, source):
        return adopt(M._index_add(self._h, dim, index._h, source._h))

    def scatter_add(self, dim, index, src):
        return adopt(M._scatter_add(self._h, dim, index._h, src._h))

    def nonzero(self):
        flat = self.tolist_flat()
        shape = list(self.shape)
        rows = []
        for i, v in enumerate(flat):
            if v:
                idx = []
                for s in reversed(shape):
                    idx.append(i % s)
                    i //= s
                rows.append(idx[::-1])
        if not rows:
            return from_data([], dtype=_dtype.int64).reshape(0, len(shape))
        return from_data(rows, dtype=_dtype.int64)

    def __getitem__(self, index):
        from ._indexing import getitem
        return getitem(self, index)

    def __setitem__(self, index, value):
        from ._indexing import setitem
        setitem(self, index, value)

    # ---- in place --------------------------------------------------------
    def _in_place(self, h):
        if not h:
            failed()
        _free(h)

    def add_(self, other, *, alpha=1):
        if _is_number(other):
            self._in_place(M._add_scalar_(self._h, alpha * other))
        else:
            self._in_place(M._add_(self._h, as_tensor_operand(other)._h, alpha))
        return self

    def sub_(self, other, *, alpha=1):
        if _is_number(other):
            self._in_place(M._sub_scalar_(self._h, alpha * other))
        else:
            self._in_place(M._sub_(self._h, as_tensor_operand(other)._h, alpha))
        return self

    def mul_(self, other):
        if _is_number(other):
            self._in_place(M._mul_scalar_(self._h, other))
        else:
            self._in_place(M._mul_(self._h, as_tensor_operand(other)._h))
        return self

    def div_(self, other):
        if _is_number(other):
            self._in_place(M._div_scalar_(self._h, other))
        else:
            self._in_place(M._div_(self._h, as_tensor_operand(other)._h))
        return self

    def zero_(self):
        self._in_place(M._zero_(self._h))
        return self

    def fill_(self, value):
        if isinstance(value, Tensor):
            value = value.item()
        self._in_place(M._fill_(self._h, builtins.float(value)))
        return self

    def copy_(self, src):
        self._in_place(M._copy_(self._h, as_tensor_operand(src)._h))
        return self

    def uniform_(self, a=0, b=1):
        self._in_place(M._uniform_(self._h, a, b))
        return self

    def normal_(self, mean=0, std=1):
        self._in_place(M._normal_(self._h, mean, std))
        return self

    # ---- nn methods -------------------------------------------------------
    def softmax(self, dim):
        return adopt(M._softmax(self._h, dim))

    def log_softmax(self, dim):
        return adopt(M._log_softmax(self._h, dim))

    # ---- autograd -----------------------------------------------------------
    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        from .autograd import backward
        backward(self, gradient, retain_graph, create_graph)

    def register_hook(self, hook):
        from .autograd import register_hook
        return register_hook(self, hook)


def _unary(name):
    raw = getattr(M, "_" + name)

    def op(self):
        return adopt(raw(self._h))

    op.__name__ = name
    return op


for _name in ("neg", "abs", "square", "sqrt", "rsqrt", "reciprocal", "exp", "log", "log1p", "expm1", "sin",
              "cos", "tan", "tanh", "sigmoid", "relu", "gelu", "sign"):
    setattr(Tensor, _name, _unary(_name))
Tensor.negative = Tensor.neg
Tensor.absolute = Tensor.abs


def _in_place_unary(name):
    def op(self):
        return self.copy_(getattr(self, name)())

    op.__name__ = name + "_"
    return op


for _name in ("neg", "abs", "sqrt", "exp", "log", "sin", "cos", "tanh", "sigmoid", "relu"):
    setattr(Tensor, _name + "_", _in_place_unary(_name))


def _wrap_dim(dim, ndim):
    n = builtins.max(ndim, 1)
    if dim < -n or dim >= n:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {dim})")
    return dim + n if dim < 0 else dim


def _tensor_arg(x, name):
    if not isinstance(x, Tensor):
        raise TypeError(f"argument '{name}' (position 1) must be Tensor, not {type(x).__name__}")
    return x._h


def _handles_tuple(parts):
    if parts is None:
        check()
    return tuple(_new(int(h)) for h in parts)


class return_types:
    """The named tuples torch.max(dim) and friends return."""


def _named_tuple(name):
    class result(tuple):
        def __new__(cls, values, indices):
            return tuple.__new__(cls, (values, indices))

        values = property(lambda self: self[0])
        indices = property(lambda self: self[1])

        def __repr__(self):
            return f"torch.return_types.{name}(\nvalues={self[0]!r},\nindices={self[1]!r})"

    result.__name__ = result.__qualname__ = name
    return result


_RESULTS = {"max": _named_tuple("max"), "min": _named_tuple("min"), "sort": _named_tuple("sort"),
            "topk": _named_tuple("topk")}


def _values_indices(name, pair):
    if pair is None:
        check()
    values, indices = pair.to_py()
    return _RESULTS[name](_new(int(values)), _new(int(indices)))


def _nest(flat, shape):
    if not shape:
        return flat[0]
    pos = 0

    def build(d):
        nonlocal pos
        if d == len(shape) - 1:
            out = flat[pos:pos + shape[d]]
            pos += shape[d]
            return out
        return [build(d + 1) for _ in range(shape[d])]

    return build(0)


def _broadcast_values(a, b):
    """Values of a and b expanded to their broadcast shape, as (flat, shape) pairs."""
    sa, sb = list(a.shape), list(b.shape)
    n = builtins.max(len(sa), len(sb))
    sa, sb = [1] * (n - len(sa)) + sa, [1] * (n - len(sb)) + sb
    shape = []
    for i, (x, y) in enumerate(zip(sa, sb)):
        if x != y and x != 1 and y != 1:
            raise RuntimeError(f"The size of tensor a ({x}) must match the size of tensor b ({y}) at non-singleton dimension {i}")
        shape.append(builtins.max(x, y))
    ea = a.reshape(sa).expand(shape).contiguous().tolist_flat() if shape else a.tolist_flat()
    eb = b.reshape(sb).expand(shape).contiguous().tolist_flat() if shape else b.tolist_flat()
    return (ea, shape), (eb, shape)


def _floordiv(x, y):
    if y == 0:
        if isinstance(x, int) and isinstance(y, int):
            raise RuntimeError("ZeroDivisionError")
        return math.nan if x == 0 else math.copysign(math.inf, x) * math.copysign(1, y)
    return x // y


class _no_grad:
    def __enter__(self):
        self.prev = M._is_grad_enabled()
        M._set_grad_enabled(False)

    def __exit__(self, *exc):
        M._set_grad_enabled(self.prev)

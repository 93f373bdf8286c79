"""Tensor's method forms of arithmetic, comparison, reductions and linear
algebra, installed on the class (as the JS package's tensor-ops.js does), each
one engine call on handles."""
import builtins
import math

from . import _dtype
from ._data import from_data
from ._engine import M, bridge, check
from ._tensor import (Tensor, _add, _add_s, _div, _div_s, _dims, _fast, _is_number, _mul, _mul_s, _new, _nest, _pow,
                      _pow_s, _sub, _sub_s, adopt, as_tensor_operand, install_methods)


def _float_bound_on_integers(t, *bounds):
    """A Python float bound on an int64 or bool tensor: PyTorch clamps in the default float dtype, float32."""
    return not t.is_floating_point() and any(type(b) is builtins.float for b in bounds)


class _Methods:
    # ---- method forms ---------------------------------------------------
    def add(self, other, *, alpha=1):
        if isinstance(other, Tensor):
            return adopt(_add(self._h, other._h, alpha))
        if _fast(other) and type(alpha) is builtins.int and alpha == 1:  # alpha * other here would lose -0. (s130018-773)
            return adopt(_add_s(self._h, other))
        o = as_tensor_operand(other)
        return adopt(_add(self._h, o._h, alpha))

    def sub(self, other, *, alpha=1):
        if isinstance(other, Tensor):
            return adopt(_sub(self._h, other._h, alpha))
        if _fast(other) and type(alpha) is builtins.int and alpha == 1:  # alpha * other here would lose -0. (s130018-773)
            return adopt(_sub_s(self._h, other))
        o = as_tensor_operand(other)
        return adopt(_sub(self._h, o._h, alpha))

    subtract = sub

    def _binary(self, other, raw, raw_scalar):
        if isinstance(other, Tensor):
            return adopt(raw(self._h, other._h))
        if raw_scalar is not None and _fast(other):
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
        # A number exponent is PyTorch's pow(Tensor, Scalar) (PowBackward0), even an integral float, which
        # the engine's scalar overload would read as an int: on an integer tensor that must give floats.
        if type(exponent) is builtins.float and not self.is_floating_point():
            return self.to(_dtype.float32).pow(exponent)
        if _is_number(exponent) and type(exponent) is not builtins.bool:
            return adopt(_pow_s(self._h, exponent))
        return self._binary(exponent, _pow, None)

    def maximum(self, other):
        return self._binary(other, M._maximum, None)

    def minimum(self, other):
        return self._binary(other, M._minimum, None)

    def floor_divide(self, other):
        # The engine has no floor op; quotients are computed from the values (floor_divide has no gradient).
        o = as_tensor_operand(other)
        a, b = _broadcast_values(self, o)
        # The result type is add's: PyTorch's promotion, wrapped numbers included (an int tensor // 2.0 is float32).
        code = self.add(o)._code()
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
        other_t = as_tensor_operand(other)
        return adopt(raw(self._h, other_t._h))

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
        # None stays a missing bound (the raw call flags it); a NaN is a bound.
        if _float_bound_on_integers(self, min, max):
            # The engine would read an integral float bound (1.0) as an int; PyTorch's result is floating.
            return self.to(_dtype.float32).clamp(min, max)
        return adopt(M._clamp(self._h, min, max))

    clip = clamp

    def clamp_(self, min=None, max=None):
        if min is None and max is None:
            raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
        if _float_bound_on_integers(self, min, max):
            name = "long int" if self.dtype is _dtype.int64 else "bool"  # clamp_'s message names the C++ type
            raise RuntimeError(f"result type Float can't be cast to the desired output type {name}")
        self._in_place(M._clamp_(self._h, min, max))
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

    # ---- sorting and counting along a dim ---------------------------------
    def sort(self, dim=-1, descending=False, stable=None):
        return _values_indices("sort", M._sort(self._h, dim, descending, -1 if stable is None else int(bool(stable))))

    def argsort(self, dim=-1, descending=False, stable=False):
        return adopt(M._argsort(self._h, dim, descending, bool(stable)))

    def topk(self, k, dim=-1, largest=True, sorted=True):
        return _values_indices("topk", M._topk(self._h, k, dim, largest, sorted))

    def cumsum(self, dim, dtype=None):
        src = self if dtype is None else self.to(dtype)
        return adopt(M._cumsum(src._h, dim))

    def cumprod(self, dim, dtype=None):
        # dtype goes to the engine: CumprodBackward0 straight onto self, as PyTorch's.
        return adopt(M._cumprod(self._h, dim, -1 if dtype is None else dtype.code))

    def bincount(self, weights=None, minlength=0):
        return adopt(M._bincount(self._h, 0 if weights is None else _tensor_arg(weights, "weights"), minlength))

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


install_methods(_Methods)


def _tensor_arg(x, name):
    if not isinstance(x, Tensor):
        raise TypeError(f"argument '{name}' (position 1) must be Tensor, not {type(x).__name__}")
    return x._h


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


def _unary(name):
    raw = getattr(M, "_" + name)

    def op(self):
        return adopt(raw(self._h))

    op.__name__ = name
    return op


# The op table's unary methods (neg, exp, tanh, ...; engine/ops.def).
for _name in bridge.unaryMethods:
    setattr(Tensor, _name, _unary(_name))
Tensor.negative = Tensor.neg
Tensor.absolute = Tensor.abs
Tensor.fix = Tensor.trunc


def _round(self, *args, decimals=None):
    """round() is RoundBackward0; round(decimals=d) PyTorch's other overload, RoundBackward1."""
    if args:
        raise TypeError(f"round() takes from 1 to 0 positional arguments but {len(args)} were given")
    if decimals is None:
        return adopt(M._round(self._h))
    return adopt(M._round_decimals(self._h, decimals))


def _tril(self, diagonal=0):
    return adopt(M._tril(self._h, diagonal))


def _triu(self, diagonal=0):
    return adopt(M._triu(self._h, diagonal))


Tensor.round, Tensor.tril, Tensor.triu = _round, _tril, _triu

"""torch.Tensor: a Python object owning one engine handle.

Hot ops are one FFI call on integer handles (no proxies, no conversions); the
handle is freed when CPython frees the object (`__del__`), so memory follows
Python's reference counting and needs no dispose().
"""
import builtins
import numbers
import weakref

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
# The engine's print style "auto": each tensor prints as it was made (PyTorch 0.3's
# format for Variable/FloatTensor-made ones, else 1.13's).
_AUTO_STYLE = -1

LEGACY_TENSOR, LEGACY_VARIABLE = 1, 2

# Leaves made to require grad, by engine address, so an AccumulateGrad node's
# `variable` is the very tensor the user holds (`is` holds as in PyTorch). A
# live entry's handle keeps its engine tensor, so the address is not reused.
leaves = weakref.WeakValueDictionary()


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


def _fast(x):
    """Whether the engine's scalar overload (one call, no operand tensor) reads the number x as Python does.
    The engine has the JavaScript package's one number type: it takes an integral number for an int and any
    other for a float. So an integral float (2.0, -0.0) or an int beyond 2**53 must go as a wrapped 0-d tensor
    of its Python type (wrapped_scalar), as must a bool."""
    t = type(x)
    if t is builtins.float:
        return not x.is_integer()
    return t is int and -2**53 < x < 2**53


def _is_operand(x):
    return isinstance(x, (Tensor, numbers.Number))


def wrapped_scalar(x):
    """A 0-d tensor for a Python number, typed as PyTorch types a wrapped number."""
    if isinstance(x, builtins.bool):
        return adopt(_scalar(1 if x else 0, 3, True))
    if isinstance(x, numbers.Integral):
        if not -2**53 < x < 2**53:
            # Beyond a double's integers: a plain 0-d int64 tensor, which promotes as a wrapped int does.
            from ._data import from_data
            return from_data(x, dtype=_dtype.int64)
        return adopt(_scalar(x, 2, True))
    return adopt(_scalar(builtins.float(x), 1, True))


def as_tensor_operand(x):
    """x as a tensor operand: itself, a wrapped number, or a new tensor of a list. Keep the result in a
    variable while its handle is in use: reading `._h` off a temporary inside an engine call's arguments
    lets CPython free the temporary, and with it the handle, before the call runs."""
    if isinstance(x, Tensor):
        return x
    if _is_number(x):
        return wrapped_scalar(x)
    from . import tensor
    return tensor(x)


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
    # _grad: (engine address, Tensor) of the last .grad read or set, so `x.grad is x.grad`.
    __slots__ = ("_h", "_grad", "__weakref__")

    def __new__(cls, *args, **kwargs):
        """torch.Tensor(data) or torch.Tensor(*sizes): a float32 tensor, printed in today's format."""
        if args and all(isinstance(a, numbers.Integral) and not isinstance(a, builtins.bool) for a in args):
            return adopt(M._zeros(arr(args), 0))
        from ._data import from_data
        return from_data(args[0] if args else [], _dtype.float32)

    def __del__(self):
        h = self._h
        if h:
            self._h = 0
            live[0] -= 1
            _free(h)

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
        # Assigning the flag of a non-leaf is refused; requires_grad_(True) on one is a no-op (as in PyTorch).
        if value and not self.is_leaf:
            raise RuntimeError("you can only change requires_grad flags of leaf variables.")
        self._set_requires_grad(value)

    def _set_requires_grad(self, value):
        M._set_requires_grad(self._h, builtins.bool(value))
        check()
        if value and self.is_leaf:
            leaves[int(M._impl_address(self._h))] = self

    def requires_grad_(self, requires_grad=True):
        if requires_grad and not self.is_floating_point():
            raise RuntimeError("only Tensors of floating point dtype can require gradients")
        self._set_requires_grad(requires_grad)
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
        """One object while the engine keeps the same gradient tensor (as `is` in PyTorch)."""
        address = M._grad_address(self._h)
        if not address:
            self._grad = None
            return None
        # The cached tensor's handle keeps its engine tensor alive: its address cannot have been reused.
        cached = getattr(self, "_grad", None)
        if cached is None or cached[0] != address:
            cached = (address, _new(M._grad(self._h)))
            self._grad = cached
        return cached[1]

    @grad.setter
    def grad(self, value):
        if value is not None and not isinstance(value, Tensor):
            # PyTorch 1.13's text has no space before the type name.
            raise TypeError(f"assigned grad expected to be a Tensor or None but got grad of type{type(value).__name__}")
        M._set_grad(self._h, value._h if value is not None else 0)
        check()
        self._grad = None if value is None else (M._impl_address(value._h), value)

    @grad.deleter
    def grad(self):
        M._set_grad(self._h, 0)
        self._grad = None

    @property
    def data(self):
        return adopt(M._data(self._h))

    @data.setter
    def data(self, value):
        if not isinstance(value, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(value).__name__}")
        if value.shape == self.shape and value.dtype == self.dtype:
            # The engine tensor stays (graphs already built keep accumulating into it), and its values
            # change through .data, which has its own version counter: like PyTorch's set_data, this
            # is not an in-place op a saved tensor would notice. (PyTorch would also share value's
            # storage from here on.)
            self.data.copy_(value)
            return
        # A new shape or dtype: this object takes over a detached alias of value (the engine cannot
        # reshape or retype a tensor in place) and keeps its requires_grad. Its .grad is dropped, where
        # PyTorch keeps the stale one of the old shape and dtype (the engine refuses such a grad).
        requires_grad = self.requires_grad
        alias = value.detach()
        self._h, alias._h = alias._h, self._h
        self._grad = None
        self.requires_grad = requires_grad

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
        return ndarray(self.detach(), (_flags(self._h) >> 4) != 0)

    # ---- copying and pickling --------------------------------------------
    # A Tensor object is a handle: copying its slots would give two objects one handle, freed twice.
    # copy.deepcopy, copy.copy and pickle (so torch.save) copy the values instead, as PyTorch's
    # copies do not share with the original.
    def __deepcopy__(self, memo):
        if not self.is_leaf:
            raise RuntimeError("Only Tensors created explicitly by the user (graph leaves) support the deepcopy "
                               "protocol at the moment")
        if id(self) in memo:
            return memo[id(self)]
        copy = _rebuilt(type(self), self.detach().clone(), self.requires_grad)
        memo[id(self)] = copy
        grad = self.grad
        if grad is not None:
            copy.grad = grad.__deepcopy__(memo)
        return copy

    def __reduce_ex__(self, protocol):
        return (_rebuild_tensor, (type(self), self.tolist(), self.dtype.code, list(self.shape), self.requires_grad))

    def __repr__(self, *, tensor_contents=None):
        s = _repr(self._h, _AUTO_STYLE)
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
    # Any other operand gives NotImplemented, as PyTorch's operators do: Python
    # then raises its own TypeError (`==` falls back to identity: False).
    def __add__(self, other):
        if isinstance(other, Tensor):
            return adopt(_add(self._h, other._h, 1))
        if _fast(other):
            return adopt(_add_s(self._h, other))
        return self.add(other) if _is_number(other) else NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, Tensor):
            return adopt(_sub(self._h, other._h, 1))
        if _fast(other):
            return adopt(_sub_s(self._h, other))
        return self.sub(other) if _is_number(other) else NotImplemented

    def __rsub__(self, other):
        if _fast(other):
            return adopt(_rsub_s(self._h, other))
        return wrapped_scalar(other).sub(self) if _is_number(other) else NotImplemented

    def __mul__(self, other):
        if isinstance(other, Tensor):
            return adopt(_mul(self._h, other._h))
        if _fast(other):
            return adopt(_mul_s(self._h, other))
        return self.mul(other) if _is_number(other) else NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, Tensor):
            return adopt(_div(self._h, other._h))
        if _fast(other):
            return adopt(_div_s(self._h, other))
        return self.div(other) if _is_number(other) else NotImplemented

    def __rtruediv__(self, other):
        return wrapped_scalar(other).div(self) if _is_number(other) else NotImplemented

    def __pow__(self, other):
        if isinstance(other, Tensor):
            return adopt(_pow(self._h, other._h))
        if _fast(other):
            return adopt(_pow_s(self._h, other))
        return self.pow(other) if _is_number(other) else NotImplemented

    def __rpow__(self, other):
        return wrapped_scalar(other).pow(self) if _is_number(other) else NotImplemented

    def __floordiv__(self, other):
        return self.floor_divide(other) if _is_operand(other) else NotImplemented

    def __rfloordiv__(self, other):
        return wrapped_scalar(other).floor_divide(self) if _is_number(other) else NotImplemented

    def __mod__(self, other):
        return self.remainder(other) if _is_operand(other) else NotImplemented

    def __rmod__(self, other):
        return wrapped_scalar(other).remainder(self) if _is_number(other) else NotImplemented

    def __matmul__(self, other):
        if not isinstance(other, Tensor):
            return NotImplemented
        return adopt(M._matmul(self._h, other._h))

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
        if not _is_operand(other):
            return NotImplemented
        return (self.to(_dtype.bool_).long() * as_tensor_operand(other).to(_dtype.bool_).long()).bool()

    def __or__(self, other):
        if not _is_operand(other):
            return NotImplemented
        return (self.to(_dtype.bool_).long() + as_tensor_operand(other).to(_dtype.bool_).long()).bool()

    def logical_not(self):
        return self.to(_dtype.bool_).eq(False)

    def __iadd__(self, other):
        return self.add_(other) if _is_operand(other) else NotImplemented

    def __isub__(self, other):
        return self.sub_(other) if _is_operand(other) else NotImplemented

    def __imul__(self, other):
        return self.mul_(other) if _is_operand(other) else NotImplemented

    def __itruediv__(self, other):
        return self.div_(other) if _is_operand(other) else NotImplemented

    def __eq__(self, other):
        return self.eq(other) if _is_operand(other) else NotImplemented

    def __ne__(self, other):
        return self.ne(other) if _is_operand(other) else NotImplemented

    def __lt__(self, other):
        return self.lt(other) if _is_operand(other) else NotImplemented

    def __le__(self, other):
        return self.le(other) if _is_operand(other) else NotImplemented

    def __gt__(self, other):
        return self.gt(other) if _is_operand(other) else NotImplemented

    def __ge__(self, other):
        return self.ge(other) if _is_operand(other) else NotImplemented

    # ---- autograd -----------------------------------------------------------
    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        from .autograd import backward
        backward(self, gradient, retain_graph, create_graph)

    def register_hook(self, hook):
        from .autograd import register_hook
        return register_hook(self, hook)


# What every class body has of its own, never copied by install_methods.
_CLASS_MACHINERY = set(vars(type("_Empty", (), {})))


def install_methods(methods):
    """Copies a holder class's methods and properties onto Tensor (one file per op family)."""
    for name, value in vars(methods).items():
        if name not in _CLASS_MACHINERY:
            setattr(Tensor, name, value)


def _wrap_dim(dim, ndim):
    n = builtins.max(ndim, 1)
    if dim < -n or dim >= n:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {dim})")
    return dim + n if dim < 0 else dim


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


class _no_grad:
    def __enter__(self):
        self.prev = M._is_grad_enabled()
        M._set_grad_enabled(False)

    def __exit__(self, *exc):
        M._set_grad_enabled(self.prev)


def _rebuilt(cls, data, requires_grad):
    """data (a fresh tensor) as a cls (Tensor or Parameter) that requires grad as asked."""
    if cls is not Tensor:
        return cls(data, requires_grad=requires_grad)
    if requires_grad:
        data.requires_grad = True
    return data


def _rebuild_tensor(cls, values, code, shape, requires_grad):
    """What a pickled tensor becomes again (Tensor.__reduce_ex__)."""
    from ._data import from_data
    return _rebuilt(cls, from_data(values, dtype=_dtype.BY_CODE[code]).reshape(shape), requires_grad)

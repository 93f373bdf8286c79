"""Tensor's shape, dtype, indexing, in-place and nn methods, installed on the
class (as the JS package's tensor-ops.js does)."""
import builtins

from . import _dtype
from ._engine import M, arr, check, failed
from ._data import from_data
from ._device import check_device, is_device
from ._tensor import Tensor, _fast, _free, _new, _sizes, adopt, as_tensor_operand, install_methods
from ._tensor_math import _tensor_arg


class _Methods:
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

    def flip(self, *dims, **kwargs):
        if kwargs:
            key = next(iter(kwargs))
            if key != "dims" or dims:
                raise TypeError(f"flip() got an unexpected keyword argument '{key}'")
            if not isinstance(kwargs[key], (list, tuple)):
                raise TypeError(f"flip(): argument 'dims' must be tuple of ints, not {type(kwargs[key]).__name__}")
            dims = (kwargs[key],)
        if not dims:
            raise TypeError('flip() missing 1 required positional arguments: "dims"')
        return adopt(M._flip(self._h, _sizes(dims)))

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
        check_device(kwargs.get("device"))
        for a in args:
            if isinstance(a, _dtype.dtype):
                target = a
            elif isinstance(a, Tensor):
                target = a.dtype
            elif is_device(a):
                check_device(a)
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

    def cuda(self, device=None, non_blocking=False):
        check_device("cuda")

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

    def nonzero(self, *, as_tuple=False):
        if as_tuple:
            # One index tensor per dim (a 0-d tensor counts as 1-d), as torch.where(condition) gives.
            rows = self.reshape(1) if self.dim() == 0 else self
            found = rows.nonzero()
            return tuple(found[:, d] for d in range(found.shape[1]))
        return adopt(M._nonzero(self._h))

    def index_put_(self, indices, values, accumulate=False):
        """x[indices] = values (added with accumulate): indices a tuple of index tensors or masks (None: a
        whole dim)."""
        from ._indexing import _indexing_errors
        handles = arr([0 if i is None else _tensor_arg(i, "indices") for i in indices])
        _indexing_errors(lambda: self._in_place(
            M._index_put_(self._h, handles, _tensor_arg(values, "values"), bool(accumulate))))
        return self

    def index_put(self, indices, values, accumulate=False):
        from ._indexing import _indexing_errors
        handles = arr([0 if i is None else _tensor_arg(i, "indices") for i in indices])
        return _indexing_errors(
            lambda: adopt(M._index_put(self._h, handles, _tensor_arg(values, "values"), bool(accumulate))))

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
        if _fast(other) and type(alpha) is builtins.int and alpha == 1:  # alpha * other here would lose -0. (s130018-773)
            self._in_place(M._add_scalar_(self._h, other))
        else:
            other_t = as_tensor_operand(other)
            self._in_place(M._add_(self._h, other_t._h, alpha))
        return self

    def sub_(self, other, *, alpha=1):
        if _fast(other) and type(alpha) is builtins.int and alpha == 1:  # alpha * other here would lose -0. (s130018-773)
            self._in_place(M._sub_scalar_(self._h, other))
        else:
            other_t = as_tensor_operand(other)
            self._in_place(M._sub_(self._h, other_t._h, alpha))
        return self

    def mul_(self, other):
        if _fast(other):
            self._in_place(M._mul_scalar_(self._h, other))
        else:
            other_t = as_tensor_operand(other)
            self._in_place(M._mul_(self._h, other_t._h))
        return self

    def div_(self, other):
        if _fast(other):
            self._in_place(M._div_scalar_(self._h, other))
        else:
            other_t = as_tensor_operand(other)
            self._in_place(M._div_(self._h, other_t._h))
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
        src_t = as_tensor_operand(src)
        self._in_place(M._copy_(self._h, src_t._h))
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


install_methods(_Methods)


def _handles_tuple(parts):
    if parts is None:
        check()
    return tuple(_new(int(h)) for h in parts)


def _in_place_unary(name):
    def op(self):
        return self.copy_(getattr(self, name)())

    op.__name__ = name + "_"
    return op


for _name in ("neg", "abs", "sqrt", "exp", "log", "sin", "cos", "tanh", "sigmoid", "relu"):
    setattr(Tensor, _name + "_", _in_place_unary(_name))

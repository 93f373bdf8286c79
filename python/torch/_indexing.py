"""Tensor.__getitem__/__setitem__: basic indexing (ints, slices with steps,
None, ...) is one engine call returning a view; index tensors, bool masks and
lists then go to the engine's index / index_put_ (PyTorch's aten::index), as
PyTorch's applySlicing hands them on."""
import numbers

from . import _dtype
from ._engine import M, arr
from ._data import from_data
from ._tensor import Tensor, adopt

# IndexItem kinds in the engine.
_INT, _SLICE, _ALL, _NEWAXIS = 0, 1, 2, 3


def _encode(item):
    if item is None:
        return [_NEWAXIS, 0, 0, 0, 0, 0, 1]
    if isinstance(item, slice):
        if item.start is None and item.stop is None and item.step is None:
            return [_ALL, 0, 0, 0, 0, 0, 1]
        step = 1 if item.step is None else _int(item.step)
        if step <= 0:
            raise ValueError("step must be greater than zero")
        return [_SLICE, 0, int(item.start is not None), _int(item.start or 0),
                int(item.stop is not None), _int(item.stop or 0), step]
    return [_INT, _int(item), 0, 0, 0, 0, 1]


def _int(x):
    if isinstance(x, Tensor):
        return x.__index__()
    return int(x)


def _items(index):
    """The index as a list of items, each checked to be a kind PyTorch indexes with."""
    items = list(index) if isinstance(index, tuple) else [index]
    items = [list(item) if isinstance(item, range) else item for item in items]
    for item in items:
        if isinstance(item, str):
            raise TypeError("new(): invalid data type 'str'")
        if not (item is None or item is Ellipsis or isinstance(item, (slice, numbers.Integral, Tensor, list, tuple, range))):
            raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables "
                             f"are valid indices (got {type(item).__name__})")
    return items


def _is_basic(item):
    return item is None or item is Ellipsis or isinstance(item, (slice, numbers.Integral)) or (
        isinstance(item, Tensor) and item.dim() == 0 and item.dtype is _dtype.int64)


def _expand_ellipsis(items, ndim):
    ellipses = sum(1 for i in items if i is Ellipsis)
    if ellipses > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if ellipses == 0:
        return items
    consuming = sum(1 for i in items if i is not Ellipsis and i is not None)
    fill = max(ndim - consuming, 0)
    out = []
    for i in items:
        out.extend([slice(None)] * fill if i is Ellipsis else [i])
    return out


def _basic(t, items):
    if len(items) == 1 and t.dim() == 0:
        # x[:] and x[0] on a 0-d tensor: PyTorch's messages for one item (not "too many indices"), the engine's.
        return adopt(M._index(t._h, arr(_encode(items[0]))))
    items = _expand_ellipsis(items, t.dim())
    consuming = sum(1 for i in items if i is not None)
    if consuming > t.dim():
        raise IndexError(f"too many indices for tensor of dimension {t.dim()}")
    encoded = []
    for dim, item in enumerate(items):
        if isinstance(item, numbers.Integral) and not isinstance(item, bool):
            size = t.shape[sum(1 for i in items[:dim] if i is not None)]
            if item < -size or item >= size:
                raise IndexError(f"index {item} is out of bounds for dimension {sum(1 for i in items[:dim] if i is not None)} with size {size}")
        encoded.extend(_encode(item))
    return adopt(M._index(t._h, arr(encoded)))


def _index_tensor(item):
    """An advanced item as the engine takes it: an int64 index tensor or a bool mask. A list becomes one
    as PyTorch's indexing_tensor_from_data makes it: bools a mask, any other numbers int64 (0.5 -> 0)."""
    if isinstance(item, Tensor):
        return item
    t = from_data(item)
    return t if t.dtype is _dtype.bool_ else t.to(_dtype.int64)


def _width(item):
    """How many of the tensor's dims an item uses: a mask its own dims, None and ... none."""
    if item is None or item is Ellipsis:
        return 0
    return item.dim() if isinstance(item, Tensor) and item.dtype is _dtype.bool_ else 1


def _advanced(t, items):
    """The view the basic items make and, for each of its dims, the index tensor or mask that indexes it
    (None: the whole dim), as PyTorch's applySlicing leaves them for aten::index: ints select, slices
    and None make views, an index covers as many dims as it has (a mask) or one. With only index
    tensors and an ellipsis there is no view (PyTorch indexes self itself)."""
    if sum(1 for i in items if i is Ellipsis) > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    items = [i if _is_basic(i) else _index_tensor(i) for i in items]
    consuming = sum(_width(i) for i in items)
    if consuming > t.dim():
        raise IndexError(f"too many indices for tensor of dimension {t.dim()}")
    view = t
    if any(_is_basic(i) and i is not Ellipsis for i in items):
        basic = []
        for i in items:
            basic.extend([i] if _is_basic(i) else [slice(None)] * _width(i))
        view = _basic(t, basic)
    indices = []
    for i in items:
        if i is Ellipsis:
            indices.extend([None] * (t.dim() - consuming))
        elif i is None or isinstance(i, slice):
            indices.append(None)
        elif not _is_basic(i):
            indices.append(i)
    return view, indices


def _indexing_errors(call):
    """Runs an engine indexing call; an index out of bounds is an IndexError there (gather's same
    message is a RuntimeError, as PyTorch's)."""
    try:
        return call()
    except RuntimeError as e:
        if str(e).startswith("index ") and " is out of bounds for dimension " in str(e):
            raise IndexError(str(e)) from None
        raise


def getitem(t, index):
    items = _items(index)
    if all(_is_basic(i) for i in items):
        return _basic(t, items)
    view, indices = _advanced(t, items)
    handles = arr([0 if i is None else i._h for i in indices])
    return _indexing_errors(lambda: adopt(M._index_tensors(view._h, handles)))


def setitem(t, index, value):
    items = _items(index)
    if all(_is_basic(i) for i in items):
        view = _basic(t, items)
        if isinstance(value, Tensor):
            view.copy_(value)
        else:
            view.fill_(value)
        return
    # PyTorch's x[index] = value is index_put_: a Tensor value keeps its dtype (a mismatch is an error),
    # a Python number becomes a 0-d tensor of x's dtype.
    view, indices = _advanced(t, items)
    if not isinstance(value, Tensor):
        value = from_data(value, dtype=t.dtype)
    _indexing_errors(lambda: view.index_put_(tuple(indices), value))

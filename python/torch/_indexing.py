"""Tensor.__getitem__/__setitem__: basic indexing (ints, slices with steps,
None, ...) is one engine call returning a view; an index tensor, a bool mask
or a list of ints goes through index_select on the flattened leading dims."""
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
    for item in items:
        if isinstance(item, str):
            raise TypeError("new(): invalid data type 'str'")
        if not (item is None or item is Ellipsis or isinstance(item, (slice, numbers.Integral, Tensor, list, tuple))):
            raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables "
                             f"are valid indices (got {type(item).__name__})")
    return items


def _check_mask(index, view, dim):
    """A one-dimensional bool mask must be as long as the dimension it selects from."""
    if isinstance(index, Tensor) and index.dtype is _dtype.bool_ and index.dim() == 1 and index.shape[0] != view.shape[dim]:
        raise IndexError(f"The shape of the mask {list(index.shape)} at index 0 does not match the shape of the "
                         f"indexed tensor {list(view.shape)} at index {dim}")


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


def _index_positions(index, size, dim):
    """An index tensor, bool mask or list for one dimension -> (int64 positions tensor, its shape)."""
    if not isinstance(index, Tensor):
        index = from_data(index)
    if index.dtype is _dtype.bool_:
        flags = index.tolist_flat()
        return from_data([i for i, v in enumerate(flags) if v], dtype=_dtype.int64), None
    if index.dtype is not _dtype.int64:
        raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
    values = index.tolist_flat()
    for v in values:
        if v < -size or v >= size:
            raise IndexError(f"index {v} is out of bounds for dimension {dim} with size {size}")
    return from_data([v + size if v < 0 else v for v in values], dtype=_dtype.int64), list(index.shape)


def _mask(t, mask):
    """x[mask] for a bool mask over the leading dimensions: the selected rows, flattened."""
    if list(mask.shape) != list(t.shape)[:mask.dim()]:
        raise IndexError(f"The shape of the mask {list(mask.shape)} at index 0 does not match the shape of the indexed tensor {list(t.shape)} at index 0")
    rest = list(t.shape)[mask.dim():]
    flat = t.reshape(-1, *rest) if rest else t.reshape(-1)
    positions, _ = _index_positions(mask.reshape(-1), flat.shape[0], 0)
    return flat.index_select(0, positions)


def _advanced(t, items):
    """One index tensor, list or mask among basic items: the basic part is a view, then
    index_select on the dimension the advanced item lands in."""
    items = _expand_ellipsis(items, t.dim())
    (k,) = [i for i, item in enumerate(items) if not _is_basic(item)]
    index = items[k]
    if len(items) == 1 and isinstance(index, Tensor) and index.dtype is _dtype.bool_ and index.dim() > 1:
        return _mask(t, index)
    view = _basic(t, items[:k] + [slice(None)] + items[k + 1:])
    dim = sum(1 for item in items[:k] if not isinstance(item, numbers.Integral))
    _check_mask(index, view, dim)
    positions, shape = _index_positions(index, view.shape[dim], dim)
    picked = view.index_select(dim, positions)
    if shape is None or len(shape) == 1:
        return picked
    return picked.reshape(*view.shape[:dim], *shape, *view.shape[dim + 1:])


def getitem(t, index):
    items = _items(index)
    if all(_is_basic(i) for i in items):
        return _basic(t, items)
    if sum(1 for i in items if not _is_basic(i)) == 1:
        return _advanced(t, items)
    raise IndexError("only one index tensor, list or mask per index is supported; index one dimension at a time")


def setitem(t, index, value):
    items = _items(index)
    if all(_is_basic(i) for i in items):
        view = _basic(t, items)
        if isinstance(value, Tensor):
            view.copy_(value)
        else:
            view.fill_(value)
        return
    if len(items) == 1 and isinstance(items[0], Tensor) and items[0].dtype is _dtype.bool_ and items[0].shape == t.shape:
        t.masked_fill_(items[0], value.item() if isinstance(value, Tensor) else value)
        return
    if sum(1 for i in items if not _is_basic(i)) != 1:
        raise IndexError("only one index tensor, list or mask per index is supported; index one dimension at a time")
    # One advanced item: write each selected slice of the view in place (the engine has no index_put).
    items = _expand_ellipsis(items, t.dim())
    (k,) = [i for i, item in enumerate(items) if not _is_basic(item)]
    view = _basic(t, items[:k] + [slice(None)] + items[k + 1:])
    dim = sum(1 for item in items[:k] if not isinstance(item, numbers.Integral))
    _check_mask(items[k], view, dim)
    positions, _ = _index_positions(items[k], view.shape[dim], dim)
    positions = positions.tolist()
    if isinstance(value, Tensor):
        target = list(view.shape)
        target[dim] = len(positions)
        value = value.expand(*target)
        for j, p in enumerate(positions):
            view.select(dim, p).copy_(value.select(dim, j))
    else:
        for p in positions:
            view.select(dim, p).fill_(value)

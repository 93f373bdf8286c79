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
    items = [list(item) if isinstance(item, range) else item for item in items]
    for item in items:
        if isinstance(item, str):
            raise TypeError("new(): invalid data type 'str'")
        if not (item is None or item is Ellipsis or isinstance(item, (slice, numbers.Integral, Tensor, list, tuple, range))):
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


def _broadcast_indices(indices):
    """The index tensors expanded to their common shape, with PyTorch's message when there is none."""
    ndim = max(i.dim() for i in indices)
    shape = []
    for k in range(ndim):
        sizes = {i.shape[k - ndim + i.dim()] for i in indices if k - ndim + i.dim() >= 0} - {1}
        if len(sizes) > 1:
            shapes = ", ".join(str(list(i.shape)) for i in indices)
            raise IndexError(f"shape mismatch: indexing tensors could not be broadcast together with shapes {shapes}")
        shape.append(sizes.pop() if sizes else 1)
    return [i.expand(*shape) for i in indices]


def _plan_several(t, items):
    """For x[i, j, ...] with several index tensors or lists: the view the basic items make, the dims of
    that view the indices select in, the indices broadcast to one shape B (bounds checked, negatives
    wrapped), and where B lands in the result: NumPy's rule puts it where the indexed dims were when
    they are adjacent, else first."""
    items = _expand_ellipsis(items, t.dim())
    for item in items:
        if isinstance(item, Tensor) and item.dtype is _dtype.bool_ and item.dim() > 1:
            raise IndexError("only one index tensor, list or mask per index is supported with a mask of more than "
                             "one dimension; index one dimension at a time")
    view = _basic(t, [slice(None) if not _is_basic(i) else i for i in items])
    dims, positions, view_dim = [], [], 0
    for item in items:
        if item is None or isinstance(item, numbers.Integral) or (isinstance(item, Tensor) and item.dim() == 0
                                                                  and item.dtype is _dtype.int64):
            view_dim += item is None
            continue
        if not _is_basic(item):
            _check_mask(item, view, view_dim)
            index, shape = _index_positions(item, view.shape[view_dim], view_dim)
            dims.append(view_dim)
            positions.append(index.reshape(*shape) if shape is not None else index)
        view_dim += 1
    positions = _broadcast_indices(positions)
    adjacent = dims == list(range(dims[0], dims[0] + len(dims)))
    return view, dims, positions, dims[0] if adjacent else 0


def _several_advanced(t, items):
    """x[i, j] with several index tensors or lists (x[rows, cols], x[torch.where(mask)]): the view's indexed
    dims, moved to the front and flattened, are read with one index_select of the combined (row-major)
    positions, and B is moved to where it lands."""
    view, dims, positions, at = _plan_several(t, items)
    sizes = [view.shape[d] for d in dims]
    rest = [d for d in range(view.dim()) if d not in dims]
    flat = view.permute(*dims, *rest).reshape(-1, *[view.shape[d] for d in rest])
    combined = positions[0]
    for index, size in zip(positions[1:], sizes[1:]):
        combined = combined * size + index
    picked = flat.index_select(0, combined.reshape(-1)).reshape(*combined.shape, *[view.shape[d] for d in rest])
    if at == 0:
        return picked
    b = combined.dim()
    return picked.permute(*range(b, b + at), *range(b), *range(b + at, picked.dim()))


def _set_several_advanced(t, items, value):
    """x[i, j] = value with several index tensors or lists: each selected slice of the view is written in
    place (the engine has no index_put), taking its part of value broadcast to the read's shape."""
    view, dims, positions, at = _plan_several(t, items)
    b = positions[0].dim()
    rest = [view.shape[d] for d in range(view.dim()) if d not in dims]
    if isinstance(value, Tensor):
        shape = rest[:at] + list(positions[0].shape) + rest[at:]
        value = value.expand(*shape)
        # B first, then flattened: value[j] is what the j-th selected slice takes.
        value = value.permute(*range(at, at + b), *range(at), *range(at + b, value.dim())).reshape(-1, *rest)
    lists = [p.reshape(-1).tolist() for p in positions]
    for j, where in enumerate(zip(*lists)):
        target = view
        for d, p in sorted(zip(dims, where), reverse=True):
            target = target.select(d, p)
        if isinstance(value, Tensor):
            target.copy_(value[j])
        else:
            target.fill_(value)


def getitem(t, index):
    items = _items(index)
    if all(_is_basic(i) for i in items):
        return _basic(t, items)
    if sum(1 for i in items if not _is_basic(i)) == 1:
        return _advanced(t, items)
    return _several_advanced(t, items)


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
    if sum(1 for i in items if not _is_basic(i)) > 1:
        return _set_several_advanced(t, items, value)
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

"""Python data -> engine tensors: nested sequences, numbers, tensors and
ndarrays flattened in Python, with PyTorch's dtype inference, then one
engine call that copies the values in."""
import builtins
import numbers

from . import _dtype
from ._engine import bridge
from ._tensor import Tensor, adopt


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

"""The out= argument of the torch.<op> function forms (torch.matmul(a, b, out=y)), as PyTorch's out
variants behave: no autograd through them, the result written into out (resized when its shape differs,
with PyTorch's deprecation warning if out had elements) and cast to out's dtype where PyTorch's casting
rule allows (a float result never goes into an integer or bool out)."""
import warnings

from . import _dtype
from .autograd import is_grad_enabled, no_grad

# Type categories: a result may go into an out of its own category or a higher one.
_CATEGORY = {_dtype.bool_: 0, _dtype.int64: 1, _dtype.float32: 2, _dtype.float64: 2}
_NAMES = {_dtype.bool_: "Bool", _dtype.int64: "Long", _dtype.float32: "Float", _dtype.float64: "Double"}


def check_no_grad(name, args):
    """PyTorch refuses out= when any tensor argument (out included) requires grad while grad mode is on."""
    from ._tensor import Tensor
    flat = [a for arg in args for a in (arg if isinstance(arg, (tuple, list)) else (arg,))]
    if is_grad_enabled() and any(isinstance(a, Tensor) and a.requires_grad for a in flat):
        raise RuntimeError(f"{name}(): functions with out=... arguments don't support automatic differentiation, "
                           "but one of the arguments requires grad.")


def write(result, out):
    """Writes result into out, PyTorch's way; returns out."""
    if _CATEGORY[result.dtype] > _CATEGORY[out.dtype]:
        raise RuntimeError(f"result type {_NAMES[result.dtype]} can't be cast to the desired output type "
                           f"{_NAMES[out.dtype]}")
    if list(out.shape) != list(result.shape):
        if out.numel() != 0:
            warnings.warn(f"An output with one or more elements was resized since it had shape {list(out.shape)}, "
                          f"which does not match the required output shape {list(result.shape)}. This behavior "
                          "is deprecated, and in a future PyTorch release outputs will not be resized unless they "
                          "have zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, "
                          "to zero elements with t.resize_(0). (Triggered internally at  "
                          "./aten/src/ATen/native/Resize.cpp:17.)", UserWarning, stacklevel=3)
        out.data = result.new_zeros(result.shape, dtype=out.dtype)
    with no_grad():
        out.copy_(result)
    return out

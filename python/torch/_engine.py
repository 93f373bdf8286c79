"""The engine as Python sees it: raw functions on integer handles, one FFI
call per op, and the mapping of engine errors to PyTorch's exception classes.

Every raw function returns 0 (a handle) or an undefined value when it failed;
`check` and `failed` read the message and raise what PyTorch raises.
"""
import re

from pyodide.ffi import to_js

import _gradlab_engine as bridge

M = bridge.M
error_flag = bridge.errorFlag

# PyTorch raises these classes for these messages; everything else is a RuntimeError.
_CLASSES = [
    (re.compile(r"^Dimension out of range|out of range for tensor of size|^index out of range in self|^too many indices"
                r"|^Target -?\d+ is out of bounds|^(select|slice)\(\) cannot be applied to a 0-dim tensor"
                r"|^\w+\(\): Expected reduction dim (-?\d+ to have non-zero size|to be specified for input\.numel\(\) == 0\.$)"
                r"|^invalid index of a 0-dim tensor|^tensors used as indices must be"
                r"|^shape mismatch: indexing tensors could not be broadcast|^The shape of the mask|^Dimension specified as -?\d+ but tensor has no dimensions"), IndexError),
    (re.compile(r"is not a valid value for reduction|^only one element tensors can be converted"
                r"|^Expected more than 1 value per channel when training"
                r"|^Target size \(torch\.Size\(.* must be the same as input size|^Using a target size \(torch\.Size"), ValueError),
    (re.compile(r"^TypeError:|must be Tensor, not|^expected a Tensor or a number"), TypeError),
    (re.compile(r"^Only 2D, 3D, 4D, 5D padding with non-constant padding|^Unrecognised padding mode"),
     NotImplementedError),
]


def error_class(message):
    for pattern, cls in _CLASSES:
        if pattern.search(message):
            return cls
    return RuntimeError


def failed():
    """Raises the engine's pending error as PyTorch's exception class."""
    message = M._take_error()
    raise error_class(message)(message)


def check():
    if error_flag():
        failed()


def arr(values):
    """A Python sequence of numbers as a JS Array for an engine call."""
    return to_js(list(values))

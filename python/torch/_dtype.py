"""dtype objects and torch.Size, as PyTorch prints and compares them."""


class dtype:
    """One of the engine's four element types; `code` is the engine's number for it."""

    __slots__ = ("_name", "code", "is_floating_point", "itemsize")

    def __init__(self, name, code, is_floating_point, itemsize):
        self._name = name
        self.code = code
        self.is_floating_point = is_floating_point
        self.itemsize = itemsize

    def __repr__(self):
        return "torch." + self._name


float32 = dtype("float32", 0, True, 4)
float64 = dtype("float64", 1, True, 8)
int64 = dtype("int64", 2, False, 8)
bool_ = dtype("bool", 3, False, 1)
float = float32
double = float64
long = int64

BY_CODE = (float32, float64, int64, bool_)
# The engine's numpy dtype names, for ndarray.dtype.
NUMPY_NAMES = ("float32", "float64", "int64", "bool")


def code_of(d, default=0):
    """The engine code for a dtype object (or None -> default)."""
    if d is None:
        return default
    if isinstance(d, dtype):
        return d.code
    raise TypeError(f"dtype must be torch.dtype, not {type(d).__name__}")


class Size(tuple):
    """A tuple of sizes that prints as torch.Size([2, 3])."""

    def __repr__(self):
        return f"torch.Size({list(self)!r})"

    __str__ = __repr__

    def numel(self):
        n = 1
        for s in self:
            n *= s
        return n

    def __getitem__(self, item):
        r = tuple.__getitem__(self, item)
        return Size(r) if isinstance(item, slice) else r

    def __add__(self, other):
        return Size(tuple.__add__(self, tuple(other)))

"""torch.finfo and torch.iinfo: the numeric limits of the dtypes the engine has."""
from . import _dtype

# bits, eps, max, smallest normal, resolution (10**-digits of precision)
_FLOATS = {
    "float32": (32, 2.0 ** -23, 3.4028234663852886e+38, 2.0 ** -126, 1e-06),
    "float64": (64, 2.0 ** -52, 1.7976931348623157e+308, 2.0 ** -1022, 1e-15),
}


class finfo:
    def __init__(self, type=None):
        type = _dtype.float32 if type is None else type
        if str(type)[6:] not in _FLOATS:
            raise TypeError("torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'")
        self.dtype = str(type)[6:]
        self.bits, self.eps, self.max, self.tiny, self.resolution = _FLOATS[self.dtype]
        self.min = -self.max
        self.smallest_normal = self.tiny

    def __repr__(self):
        return (f"finfo(resolution={self.resolution:g}, min={self.min:g}, max={self.max:g}, eps={self.eps:g}, "
                f"smallest_normal={self.smallest_normal:g}, tiny={self.tiny:g}, dtype={self.dtype})")


class iinfo:
    def __init__(self, type):
        if type is not _dtype.int64:
            raise TypeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
        self.dtype, self.bits = "int64", 64
        self.min, self.max = -2 ** 63, 2 ** 63 - 1

    def __repr__(self):
        return f"iinfo(min={float(self.min):g}, max={float(self.max):g}, dtype={self.dtype})"

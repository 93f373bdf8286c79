"""torch.device, and the one check every `device=` argument and `.to(...)` goes
through: the engine is a CPU, so "cpu" is the only place a tensor can be, and
asking for another raises what a CPU-only PyTorch build raises."""

_TYPES = ("cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, ort, xla, lazy, vulkan, mps, meta, "
          "hpu, privateuseone")


class device:
    __slots__ = ("type", "index")

    def __init__(self, type, index=None):
        if isinstance(type, device):
            self.type, self.index = type.type, type.index
            return
        if isinstance(type, int) and not isinstance(type, bool):
            # An int names a CUDA device, as in PyTorch.
            self.type, self.index = "cuda", type
            return
        if not isinstance(type, str):
            raise TypeError(f"device() received an invalid combination of arguments - got ({_typename(type)})")
        name, colon, ordinal = type.partition(":")
        if name not in _TYPES.split(", ") or (colon and not ordinal.isdigit()):
            raise RuntimeError(f"Expected one of {_TYPES} device type at start of device string: {type}")
        self.type = name
        self.index = int(ordinal) if colon else index

    def __repr__(self):
        return f"device(type='{self.type}')" if self.index is None else f"device(type='{self.type}', index={self.index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))


def _typename(value):
    return type(value).__name__


def check_device(where):
    """Raises unless `where` (None, a string, an int or a torch.device) is the CPU."""
    if where is None:
        return
    d = device(where)
    if d.type == "cpu":
        return
    if d.type == "cuda":
        raise AssertionError("Torch not compiled with CUDA enabled")
    raise RuntimeError(f"PyTorch is not linked with support for {d.type} devices")


def is_device(value):
    """Whether a positional argument of .to(...) names a device."""
    return isinstance(value, (str, device))

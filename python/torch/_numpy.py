"""What Tensor.numpy() returns: Pyodide has no NumPy here, so a small array
object that prints as NumPy (the engine's NumPy printing) and has shape,
dtype, tolist(), indexing, len() and iteration."""
from ._dtype import NUMPY_NAMES
from ._engine import bridge, check


class dtype_:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"dtype('{self.name}')"

    __str__ = lambda self: self.name

    def __eq__(self, other):
        return self.name == (other.name if isinstance(other, dtype_) else other)

    def __hash__(self):
        return hash(self.name)


class ndarray:
    """Shares memory with the tensor it came from, as NumPy's array from Tensor.numpy() does: t.add_(1)
    shows in the array, and torch.from_numpy(array) is a tensor over the same memory."""

    def __init__(self, tensor, legacy):
        self._tensor = tensor  # a detached alias of the tensor
        self.shape = tuple(tensor.shape)
        self._code = tensor._code()
        self._legacy = legacy

    @property
    def _values(self):
        """The values now, a JS TypedArray copy."""
        values = bridge.typedValues(self._tensor._h)
        check()
        return values

    @property
    def dtype(self):
        return dtype_(NUMPY_NAMES[self._code])

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        n = 1
        for s in self.shape:
            n *= s
        return n

    def _flat(self):
        values = self._values.to_py().tolist()
        if self._code == 3:
            return [v != 0 for v in values]
        if self._code == 2:
            return [int(v) for v in values]
        return values

    def tolist(self):
        from ._tensor import _nest
        return _nest(self._flat(), list(self.shape))

    def item(self):
        if self.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._flat()[0]

    def _print(self, as_repr):
        s = bridge.arrayStr(self._values, list(self.shape), self._code, self._legacy, as_repr)
        check()
        return s

    def __str__(self):
        return self._print(False)

    def __repr__(self):
        return self._print(True)

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of unsized object")
        return self.shape[0]

    def __iter__(self):
        if not self.shape:
            raise TypeError("iteration over a 0-d array")
        return (self[i] for i in range(self.shape[0]))

    def __getitem__(self, index):
        import torch
        t = torch.from_numpy(self)[index]
        return t.numpy() if t.dim() > 0 else t.item()

    def __float__(self):
        return float(self.item())

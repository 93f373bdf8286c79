"""nn.Parameter: a tensor a Module registers as a parameter."""
from .._engine import M
from .._tensor import Tensor, _new


class Parameter(Tensor):
    __slots__ = ()

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            from .. import empty
            data = empty(0)
        # Shares the data's storage, as PyTorch's Parameter does.
        p = _new(M._detach(data._h), cls)
        if requires_grad:
            p.requires_grad = True
        return p

    def __repr__(self):
        return "Parameter containing:\n" + Tensor.__repr__(self)

    __str__ = __repr__

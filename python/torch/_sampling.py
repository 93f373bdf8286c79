"""torch.randperm, torch.multinomial, Tensor.multinomial and Tensor.random_
on the engine's generator (the same numbers as PyTorch 1.13 for a seed; as
wasm/src/sampling.js)."""
import operator

from . import _dtype
from ._engine import M, check
from ._tensor import Tensor, adopt, install_methods


class _Methods:
    def multinomial(self, num_samples, replacement=False, *, generator=None):
        if generator is not None:
            raise NotImplementedError("multinomial: a generator other than the default one is not supported")
        return adopt(M._multinomial(self._h, operator.index(num_samples), bool(replacement)))

    def random_(self, from_=None, to=None, *, generator=None, **kwargs):
        if "from" in kwargs:
            from_ = kwargs.pop("from")
        if from_ is None and to is None:
            mode, lo, hi = 0, 0, 0
        elif to is None:
            mode, lo, hi = 1, 0, from_
        else:
            mode, lo, hi = 2, (0 if from_ is None else from_), to
        extra = M._random_(self._h, mode, lo, hi)
        check()
        M._free_tensor(extra)
        return self


install_methods(_Methods)


def randperm(n, *, generator=None, dtype=None, device=None, requires_grad=False, **kwargs):
    if generator is not None:
        seed = getattr(generator, "_seed_tensor", None)
        if seed is None:
            raise NotImplementedError("randperm: only a generator made by the data loader is supported")
        return adopt(M._randperm(operator.index(n), _dtype.code_of(dtype, 2), seed._h))
    t = adopt(M._randperm(operator.index(n), _dtype.code_of(dtype, 2), 0))
    if requires_grad:
        t.requires_grad = True
    return t


def _randperm_seeded(n, seed):
    """randperm(n) from a fresh generator seeded with `seed` (an int64 scalar
    tensor the engine reads exactly): torch.randperm(n, generator=
    torch.Generator().manual_seed(seed)), as RandomSampler draws it."""
    return adopt(M._randperm(operator.index(n), 2, seed._h))


def multinomial(input, num_samples, replacement=False, *, generator=None):
    if not isinstance(input, Tensor):
        raise TypeError(f"multinomial(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}")
    return input.multinomial(num_samples, replacement, generator=generator)

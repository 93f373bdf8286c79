"""What difftest records of a value PyTorch produced, as JSON the JS replay
(tests/difftest/replay.js) compares against.

A tensor becomes {s: shape, d: dtype, v: flat values, rg: requires_grad,
leaf: is_leaf, fn: grad_fn class name or null}. Floats keep 8 significant
digits (enough for rtol 1e-4) and NaN, +-inf and -0 are spelled as strings so
JSON keeps them. A tuple or list becomes {list: [...]}, None {none: true}, a
Python number or bool {value: x}. An exception becomes {error: message, type:
class name}, also when reading the value itself raises; replay.js explains
which parts of the message must match.
"""
import math

import torch

DTYPES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}


def number(x):
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return x
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0:
        return "-0" if math.copysign(1, x) < 0 else 0
    return float("%.8g" % x)


def tensor(t):
    fn = t.grad_fn
    return {
        "s": list(t.shape),
        "d": DTYPES.get(t.dtype, str(t.dtype)),
        "v": [number(x) for x in t.detach().reshape(-1).tolist()],
        "rg": t.requires_grad,
        "leaf": t.is_leaf,
        "fn": None if fn is None else type(fn).__name__,
    }


def value(v):
    if isinstance(v, torch.Tensor):
        return tensor(v)
    if isinstance(v, (list, tuple)):
        return {"list": [value(x) for x in v]}
    if v is None:
        return {"none": True}
    if isinstance(v, (bool, int, float)):
        return {"value": number(v)}
    return {"unknown": type(v).__name__}


def guarded(get):
    """value(get()), or the error PyTorch raises while it is read (a grad_fn of
    a view whose base changed in place can refuse to be rebuilt)."""
    try:
        return value(get())
    except Exception as e:  # the package must refuse the same read
        return error(e)


def error(e):
    return {"error": str(e).strip().split("\n")[0], "type": type(e).__name__}

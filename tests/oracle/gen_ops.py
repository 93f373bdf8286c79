#!/usr/bin/python3
"""Writes tests/fixtures/ops.json: forward values and gradients of every op in
/work/shared/API.md, computed by real PyTorch 1.13.

Run with the interpreter that has torch: /usr/bin/python3 tests/oracle/gen_ops.py
The format and the replay rules are in tests/oracle/README.md.
"""
import json
import math
import os
import warnings
from collections import Counter

import torch
import torch.nn.functional as F

torch.manual_seed(0)
# F.sigmoid / F.tanh are deprecated in PyTorch but part of the API we mirror.
warnings.filterwarnings("ignore", message="nn.functional.(sigmoid|tanh) is deprecated")
GEN = torch.Generator().manual_seed(1313)
DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}
# Ops that exist only as Tensor methods; the rest are torch.<op> or F.<name>.
METHOD_OPS = {"view", "expand", "repeat", "to", "contiguous", "clone", "float", "double", "long", "bool", "type_as"}
CASES = []


def I(i):
    """An argument that refers to inputs[i]."""
    return {"input": i}


def num(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return v


def encode(t):
    t = t.detach()
    vals = t.reshape(-1).tolist()
    if t.dtype.is_floating_point:
        vals = [num(float(v)) for v in vals]
    return {"shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""), "data": vals}


def uniform(n, lo, hi):
    return (torch.rand(n, generator=GEN, dtype=torch.float64) * (hi - lo) + lo).tolist()


def X(shape, lo=-2.0, hi=2.0, dtype="float64", rg=True, noncontig=False, data=None, away=None):
    """A float input: random distinct values in [lo, hi) rounded to 4 decimals,
    kept at least 0.05 from each point in `away` (kinks), unless data is given."""
    n = math.prod(shape)
    if data is None:
        while True:
            data = [round(v, 4) for v in uniform(n, lo, hi)]
            far = all(abs(v - p) >= 0.05 for v in data for p in (away or []))
            if far and len(set(data)) == n:
                break
    if dtype == "float32":
        data = [float(v) for v in torch.tensor(data, dtype=torch.float32).tolist()]
    return {"shape": list(shape), "dtype": dtype, "data": list(data), "requires_grad": rg, "noncontig": noncontig}


def POS(shape, lo=0.2, hi=2.0, **kw):
    return X(shape, lo, hi, **kw)


def NZ(shape, lo=0.3, hi=2.0, **kw):
    """Random sign, magnitude in [lo, hi): safe denominators."""
    spec = X(shape, lo, hi, **kw)
    signs = uniform(len(spec["data"]), -1, 1)
    spec["data"] = [v if s >= 0 else -v for v, s in zip(spec["data"], signs)]
    return spec


def IDX(data, shape=None):
    return {"shape": list([len(data)] if shape is None else shape), "dtype": "int64", "data": list(data), "requires_grad": False,
            "noncontig": False}


def MASK(data, shape):
    return {"shape": list(shape), "dtype": "bool", "data": list(data), "requires_grad": False, "noncontig": False}


def build(spec):
    """Returns (leaf, value): value is what the op sees; leaf gets the .grad."""
    dt = DTYPES[spec["dtype"]]
    t = torch.tensor(spec["data"], dtype=dt).reshape(spec["shape"])
    if spec["noncontig"]:
        leaf = t.t().contiguous().requires_grad_(spec["requires_grad"])
        return leaf, leaf.t()
    leaf = t.requires_grad_(spec["requires_grad"])
    return leaf, leaf


def resolve(a, values):
    if isinstance(a, dict) and "input" in a:
        return values[a["input"]]
    if isinstance(a, list):
        return [resolve(x, values) for x in a]
    return a


def index_item(s):
    if s is None:
        return slice(None)
    if isinstance(s, str):
        parts = [int(p) if p else None for p in s.split(":")]
        return slice(*parts)
    return s


def call(op, args, kwargs):
    if op == "getitem":
        return args[0][tuple(index_item(s) for s in args[1])]
    if op in ("max_dim", "min_dim"):
        return list(getattr(torch, op[:3])(*args, **kwargs))
    if op.startswith("F."):
        return getattr(F, op[2:])(*args, **kwargs)
    if op == "to":
        return args[0].to(DTYPES[args[1]])
    if op in METHOD_OPS:
        return getattr(args[0], op)(*args[1:], **kwargs)
    return getattr(torch, op)(*args, **kwargs)


def add(name, op, inputs, args, kwargs=None):
    kwargs = kwargs or {}
    built = [build(s) for s in inputs]
    values = [v for _, v in built]
    out = call(op, resolve(args, values), {k: resolve(v, values) for k, v in kwargs.items()})
    many = isinstance(out, (list, tuple))
    outs = list(out) if many else [out]
    if isinstance(out, bool):
        outs = [torch.tensor(out)]
    gos = [torch.randn(o.shape, generator=GEN, dtype=torch.float64).to(o.dtype) if o.requires_grad else None
           for o in outs]
    leaves = [leaf for leaf, _ in built if leaf.requires_grad]
    grads = [None] * len(built)
    if leaves and any(g is not None for g in gos):
        pairs = [(o, g) for o, g in zip(outs, gos) if g is not None]
        got = torch.autograd.grad([o for o, _ in pairs], leaves, [g for _, g in pairs], allow_unused=True)
        it = iter(got)
        for i, (leaf, _) in enumerate(built):
            if leaf.requires_grad:
                g = next(it)
                grads[i] = None if g is None else (g.t() if inputs[i]["noncontig"] else g)
    enc = lambda t: None if t is None else encode(t)
    CASES.append({
        "name": name, "op": op, "inputs": inputs, "args": args, "kwargs": kwargs,
        "output": [enc(o) for o in outs] if many else enc(outs[0]),
        "grad_output": [enc(g) for g in gos] if many else enc(gos[0]),
        "grads": [enc(g) for g in grads],
    })


# ---------------------------------------------------------------- elementwise

def arithmetic():
    shapes = [([2, 3], [2, 3], "same"), ([2, 3], [3], "row"), ([3, 1], [1, 4], "outer"),
              ([2, 1, 3], [4, 1], "3d"), ([], [2, 3], "scalar_tensor")]
    for op in ["add", "sub", "mul", "div"]:
        other = NZ if op == "div" else X
        for a, b, tag in shapes:
            add(f"{op}_{tag}_f64", op, [X(a), other(b)], [I(0), I(1)])
        add(f"{op}_f32", op, [X([3, 4], dtype="float32"), other([4], dtype="float32")], [I(0), I(1)])
        add(f"{op}_python_scalar", op, [X([2, 3])], [I(0), 2.5])
        add(f"{op}_noncontig", op, [X([3, 2], noncontig=True), other([3, 2])], [I(0), I(1)])
    add("mul_same_input_twice", "mul", [X([4])], [I(0), I(0)])
    add("add_alpha", "add", [X([2, 3]), X([3])], [I(0), I(1)], {"alpha": 2.5})
    add("sub_alpha", "sub", [X([2, 3]), X([2, 1])], [I(0), I(1)], {"alpha": -0.5})
    add("add_alpha_scalar", "add", [X([3])], [I(0), 4.0], {"alpha": 3})
    add("pow_tensor_exponent", "pow", [POS([2, 3]), X([3], -2, 2)], [I(0), I(1)])
    add("pow_tensor_exponent_f32", "pow", [POS([4], dtype="float32"), X([4], dtype="float32")], [I(0), I(1)])
    for e in [2, 3, 0.5, -1, 2.5, 0]:
        base = POS([2, 3]) if e in (0.5, 2.5) else X([2, 3], away=[0.0])
        add(f"pow_scalar_{e}".replace(".", "p").replace("-", "m"), "pow", [base], [I(0), e])
    add("pow_scalar_base", "pow", [X([5])], [2.0, I(0)])


UNARY_DOMAIN = {"sqrt": (0.1, 3), "rsqrt": (0.1, 3), "log": (0.1, 3), "log1p": (-0.5, 2), "tan": (-1.2, 1.2),
                "reciprocal": None}


def unary():
    ops = ["neg", "abs", "square", "sqrt", "rsqrt", "reciprocal", "exp", "log", "log1p", "expm1", "sin", "cos",
           "tan", "tanh", "sigmoid", "relu", "sign"]
    for op in ops:
        dom = UNARY_DOMAIN.get(op, (-2, 2))
        make = (lambda s, **kw: NZ(s, **kw)) if dom is None else (lambda s, **kw: X(s, *dom, away=[0.0], **kw))
        add(f"{op}_f64", op, [make([2, 3])], [I(0)])
        add(f"{op}_f32", op, [make([5], dtype="float32")], [I(0)])
    add("exp_noncontig", "exp", [X([2, 3], noncontig=True)], [I(0)])
    add("sin_scalar_tensor", "sin", [X([])], [I(0)])
    # Kinks: PyTorch's conventions at the non-differentiable points.
    add("relu_kink_at_zero", "relu", [X([5], data=[-1.0, 0.0, 0.0, 0.5, 2.0])], [I(0)])
    add("abs_kink_at_zero", "abs", [X([4], data=[-1.5, 0.0, 0.0, 2.0])], [I(0)])
    add("sign_at_zero", "sign", [X([3], data=[-2.0, 0.0, 3.0])], [I(0)])
    add("sqrt_small_positive", "sqrt", [X([4], data=[1e-4, 1e-3, 0.01, 0.05])], [I(0)])
    add("log_small_positive", "log", [X([4], data=[1e-4, 1e-3, 0.01, 0.05])], [I(0)])
    add("rsqrt_small_positive", "rsqrt", [X([3], data=[1e-3, 0.01, 0.1])], [I(0)])


def activations():
    add("leaky_relu_default", "F.leaky_relu", [X([2, 3], away=[0.0])], [I(0)])
    add("leaky_relu_slope", "F.leaky_relu", [X([2, 3], away=[0.0])], [I(0), 0.2])
    add("leaky_relu_kink_at_zero", "F.leaky_relu", [X([3], data=[-1.0, 0.0, 1.0])], [I(0)],
        {"negative_slope": 0.1})
    add("gelu", "F.gelu", [X([2, 3], -3, 3)], [I(0)])
    add("gelu_f32", "F.gelu", [X([5], -3, 3, dtype="float32")], [I(0)])
    add("elu_default", "F.elu", [X([2, 3], away=[0.0])], [I(0)])
    add("elu_alpha", "F.elu", [X([2, 3], away=[0.0])], [I(0)], {"alpha": 0.5})
    add("elu_kink_at_zero", "F.elu", [X([3], data=[-1.0, 0.0, 1.0])], [I(0)])
    add("softplus_default", "F.softplus", [X([2, 3], -4, 4)], [I(0)])
    add("softplus_beta_threshold", "F.softplus", [X([2, 4], -4, 4)], [I(0)], {"beta": 2, "threshold": 3})
    add("softplus_f32", "F.softplus", [X([5], -4, 4, dtype="float32")], [I(0)])
    for op in ["F.relu", "F.sigmoid", "F.tanh"]:
        add(f"{op[2:]}_functional", op, [X([2, 3], away=[0.0])], [I(0)])
    add("relu_functional_kink", "F.relu", [X([3], data=[0.0, -0.0, 1.0])], [I(0)])


def clamp_where():
    add("clamp_both", "clamp", [X([2, 4], away=[-0.5, 0.5])], [I(0), -0.5, 0.5])
    add("clamp_min_only", "clamp", [X([2, 3], away=[0.0])], [I(0)], {"min": 0.0})
    add("clamp_max_only", "clamp", [X([2, 3], away=[0.25])], [I(0)], {"max": 0.25})
    add("clamp_at_bounds", "clamp", [X([6], data=[-1.0, -0.5, 0.0, 0.5, 1.0, 0.5])], [I(0), -0.5, 0.5])
    add("clamp_f32", "clamp", [X([5], dtype="float32", away=[-1.0, 1.0])], [I(0), -1.0, 1.0])
    for op in ["maximum", "minimum"]:
        add(f"{op}_broadcast", op, [X([2, 3]), X([3])], [I(0), I(1)])
        add(f"{op}_ties", op, [X([4], data=[1.0, 2.0, -1.0, 0.5]), X([4], data=[1.0, 3.0, -1.0, 0.0])], [I(0), I(1)])
        add(f"{op}_f32", op, [X([4], dtype="float32"), X([4], dtype="float32")], [I(0), I(1)])
    add("where_same_shape", "where", [MASK([True, False, True, False, False, True], [2, 3]), X([2, 3]), X([2, 3])],
        [I(0), I(1), I(2)])
    add("where_broadcast", "where", [MASK([True, False, True], [3]), X([2, 3]), X([2, 1])], [I(0), I(1), I(2)])
    add("where_f32", "where", [MASK([False, True, True, False], [4]), X([4], dtype="float32"),
                               X([4], dtype="float32")], [I(0), I(1), I(2)])


def comparisons():
    a = [1.0, 2.0, 3.0, -1.0, 0.0, 2.5]
    b = [1.0, 1.0, 4.0, -1.0, 0.5, 2.5]
    for op in ["eq", "ne", "lt", "le", "gt", "ge"]:
        add(f"{op}_tensor", op, [X([2, 3], data=a, rg=False), X([2, 3], data=b, rg=False)], [I(0), I(1)])
        add(f"{op}_broadcast", op, [X([2, 3], data=a, rg=False), X([3], data=[1.0, 2.0, 2.0], rg=False)],
            [I(0), I(1)])
        add(f"{op}_python_scalar", op, [X([2, 3], data=a, rg=False)], [I(0), 2.0])
    add("allclose_true", "allclose", [X([3], data=[1.0, 2.0, 3.0], rg=False),
                                      X([3], data=[1.0, 2.0000001, 3.0], rg=False)], [I(0), I(1)])
    add("allclose_false_with_tol", "allclose", [X([2], data=[1.0, 2.0], rg=False), X([2], data=[1.0, 2.1], rg=False)],
        [I(0), I(1)], {"rtol": 0.01, "atol": 0.01})


# ----------------------------------------------------------------- reductions

def reductions():
    for op in ["sum", "mean"]:
        add(f"{op}_all", op, [X([2, 3])], [I(0)])
        add(f"{op}_dim0", op, [X([2, 3])], [I(0), 0])
        add(f"{op}_dim_neg_keepdim", op, [X([2, 3, 4])], [I(0), -1], {"keepdim": True})
        add(f"{op}_dim_list", op, [X([2, 3, 4])], [I(0), [0, 2]])
        add(f"{op}_dim_list_keepdim", op, [X([2, 3, 4])], [I(0), [-1, 0]], {"keepdim": True})
        add(f"{op}_f32", op, [X([3, 4], dtype="float32")], [I(0), 1])
    add("sum_noncontig", "sum", [X([3, 2], noncontig=True)], [I(0), 1])
    add("prod_all", "prod", [X([2, 3], away=[0.0])], [I(0)])
    add("prod_dim", "prod", [X([2, 3], away=[0.0])], [I(0), 1])
    add("prod_dim_keepdim", "prod", [X([3, 2], away=[0.0])], [I(0), 0], {"keepdim": True})
    add("prod_one_zero", "prod", [X([4], data=[2.0, 0.0, -1.5, 3.0])], [I(0)])
    add("prod_two_zeros", "prod", [X([4], data=[2.0, 0.0, -1.5, 0.0])], [I(0)])
    add("prod_dim_with_zero", "prod", [X([2, 3], data=[1.5, 0.0, 2.0, 0.5, -1.0, 3.0])], [I(0), 1])
    for op in ["var", "std"]:
        add(f"{op}_all", op, [X([2, 3])], [I(0)])
        add(f"{op}_dim", op, [X([3, 4])], [I(0), 1])
        add(f"{op}_dim_keepdim", op, [X([3, 4])], [I(0), 0], {"keepdim": True})
        add(f"{op}_dim_list", op, [X([2, 3, 4])], [I(0), [0, 2]])
        add(f"{op}_f32", op, [X([6], dtype="float32")], [I(0)])
    add("norm_default", "norm", [X([2, 3])], [I(0)])
    add("norm_p1", "norm", [X([2, 3], away=[0.0])], [I(0)], {"p": 1})
    add("norm_dim", "norm", [X([2, 3])], [I(0)], {"dim": 1})
    add("norm_p1_dim_keepdim", "norm", [X([3, 4], away=[0.0])], [I(0)], {"p": 1, "dim": 0, "keepdim": True})
    add("norm_f32", "norm", [X([5], dtype="float32")], [I(0)])
    add("logsumexp_dim", "logsumexp", [X([2, 3], -3, 3)], [I(0), 1])
    add("logsumexp_neg_keepdim", "logsumexp", [X([2, 3, 4], -3, 3)], [I(0), -1], {"keepdim": True})
    add("logsumexp_dim_list", "logsumexp", [X([2, 3, 2], -3, 3)], [I(0), [0, 2]])
    add("logsumexp_large_values", "logsumexp", [X([3], data=[1000.0, 1000.5, 999.0])], [I(0), 0])
    ties = [3.0, 1.0, 3.0, -2.0, 0.5, -2.0]
    for op in ["amax", "amin"]:
        add(f"{op}_dim", op, [X([3, 4])], [I(0), 1])
        add(f"{op}_all", op, [X([2, 3])], [I(0)])
        add(f"{op}_dim_list_keepdim", op, [X([2, 3, 4])], [I(0), [0, 2]], {"keepdim": True})
        add(f"{op}_ties_all", op, [X([2, 3], data=ties)], [I(0)])
        add(f"{op}_ties_dim", op, [X([2, 3], data=ties)], [I(0), 1])
    for op in ["max", "min"]:
        add(f"{op}_dim", f"{op}_dim", [X([3, 4])], [I(0), 1])
        add(f"{op}_dim_keepdim", f"{op}_dim", [X([3, 4])], [I(0), 0], {"keepdim": True})
        add(f"{op}_dim_neg", f"{op}_dim", [X([2, 3, 2])], [I(0), -2])
        add(f"{op}_dim_ties", f"{op}_dim", [X([2, 3], data=ties)], [I(0), 1])
        add(f"{op}_global", op, [X([2, 3])], [I(0)])
        add(f"{op}_global_ties", op, [X([2, 3], data=ties)], [I(0)])
        add(f"{op}_global_f32", op, [X([5], dtype="float32")], [I(0)])
    for op in ["argmax", "argmin"]:
        add(f"{op}_dim", op, [X([3, 4], rg=False)], [I(0), 1])
        add(f"{op}_global", op, [X([3, 4], rg=False)], [I(0)])
        add(f"{op}_dim_keepdim", op, [X([3, 4], rg=False)], [I(0), 0], {"keepdim": True})
        add(f"{op}_ties_first", op, [X([2, 3], data=ties, rg=False)], [I(0), 1])


# ---------------------------------------------------------- linear algebra

def linalg():
    mm = [([3], [3], "1d_1d"), ([2, 3], [3], "2d_1d"), ([3], [3, 4], "1d_2d"), ([2, 3], [3, 4], "2d_2d"),
          ([2, 1, 3, 4], [5, 4, 2], "batched_broadcast"), ([3, 4], [2, 4, 5], "2d_3d"), ([4], [2, 4, 3], "1d_3d"),
          ([2, 3, 4], [4], "3d_1d"), ([2, 3, 4], [2, 4, 2], "3d_3d")]
    for a, b, tag in mm:
        add(f"matmul_{tag}", "matmul", [X(a), X(b)], [I(0), I(1)])
    add("matmul_f32", "matmul", [X([2, 3], dtype="float32"), X([3, 2], dtype="float32")], [I(0), I(1)])
    add("mm", "mm", [X([2, 3]), X([3, 4])], [I(0), I(1)])
    add("mm_noncontig", "mm", [X([3, 2], noncontig=True), X([2, 4], noncontig=True)], [I(0), I(1)])
    add("bmm", "bmm", [X([2, 2, 3]), X([2, 3, 2])], [I(0), I(1)])
    add("mv", "mv", [X([3, 4]), X([4])], [I(0), I(1)])
    add("dot", "dot", [X([5]), X([5])], [I(0), I(1)])
    add("outer", "outer", [X([3]), X([4])], [I(0), I(1)])
    add("t_2d", "t", [X([2, 3])], [I(0)])
    add("t_1d", "t", [X([3])], [I(0)])


# ------------------------------------------------------------- shape and join

def shapes():
    add("reshape_neg1", "reshape", [X([2, 6])], [I(0), [3, -1]])
    add("reshape_flat", "reshape", [X([2, 3, 2])], [I(0), [-1]])
    add("reshape_noncontig", "reshape", [X([3, 2], noncontig=True)], [I(0), [6]])
    add("view_neg1", "view", [X([2, 6])], [I(0), [-1, 4]])
    add("view_3d", "view", [X([12])], [I(0), [2, 3, 2]])
    add("flatten_all", "flatten", [X([2, 3, 2])], [I(0)])
    add("flatten_start", "flatten", [X([2, 3, 2])], [I(0), 1])
    add("flatten_start_end", "flatten", [X([2, 3, 2, 2])], [I(0), 1, 2])
    add("transpose_01", "transpose", [X([2, 3])], [I(0), 0, 1])
    add("transpose_neg", "transpose", [X([2, 3, 4])], [I(0), -1, 0])
    add("permute", "permute", [X([2, 3, 4])], [I(0), [2, 0, 1]])
    add("permute_neg", "permute", [X([2, 3, 4])], [I(0), [-1, 1, 0]])
    add("squeeze_all", "squeeze", [X([1, 3, 1, 2])], [I(0)])
    add("squeeze_dim", "squeeze", [X([1, 3, 1, 2])], [I(0), 2])
    add("squeeze_dim_not_one", "squeeze", [X([2, 3])], [I(0), 0])
    add("unsqueeze", "unsqueeze", [X([2, 3])], [I(0), 1])
    add("unsqueeze_neg", "unsqueeze", [X([2, 3])], [I(0), -1])
    add("expand", "expand", [X([3, 1])], [I(0), [3, 4]])
    add("expand_new_dims_neg1", "expand", [X([1, 3])], [I(0), [2, 2, -1]])
    add("repeat", "repeat", [X([2, 3])], [I(0), [2, 1]])
    add("repeat_more_dims", "repeat", [X([2])], [I(0), [3, 2]])
    add("contiguous_noncontig", "contiguous", [X([2, 3], noncontig=True)], [I(0)])
    add("clone", "clone", [X([2, 3])], [I(0)])
    add("to_f32", "to", [X([2, 3])], [I(0), "float32"])
    add("to_f64", "to", [X([2, 3], dtype="float32")], [I(0), "float64"])
    add("float_method", "float", [X([2, 3])], [I(0)])
    add("double_method", "double", [X([4], dtype="float32")], [I(0)])
    add("long_method_truncates", "long", [X([4], data=[1.7, -1.7, 0.2, -2.5], rg=False)], [I(0)])
    add("bool_method", "bool", [X([4], data=[0.0, -0.5, 2.0, -0.0], rg=False)], [I(0)])
    add("type_as_f32", "type_as", [X([2, 2]), X([1], dtype="float32", rg=False)], [I(0), I(1)])


def joins():
    add("cat_dim0", "cat", [X([2, 3]), X([1, 3])], [[I(0), I(1)], 0])
    add("cat_dim1_three", "cat", [X([2, 1]), X([2, 3]), X([2, 2])], [[I(0), I(1), I(2)], 1])
    add("cat_neg_dim", "cat", [X([2, 2]), X([2, 3])], [[I(0), I(1)], -1])
    add("stack_dim0", "stack", [X([2, 3]), X([2, 3])], [[I(0), I(1)], 0])
    add("stack_last", "stack", [X([3]), X([3]), X([3])], [[I(0), I(1), I(2)], -1])
    add("split_even", "split", [X([4, 3])], [I(0), 2, 0])
    add("split_uneven", "split", [X([2, 5])], [I(0), 2, 1])
    add("split_sizes", "split", [X([5, 2])], [I(0), [1, 4], 0])
    add("chunk_even", "chunk", [X([4, 3])], [I(0), 2, 0])
    add("chunk_uneven", "chunk", [X([2, 5])], [I(0), 3, -1])


def indexing():
    add("select", "select", [X([3, 4])], [I(0), 0, 1])
    add("select_neg_index", "select", [X([3, 4])], [I(0), 1, -1])
    add("select_neg_dim", "select", [X([2, 3, 4])], [I(0), -2, 2])
    add("narrow", "narrow", [X([4, 3])], [I(0), 0, 1, 2])
    add("narrow_dim1", "narrow", [X([2, 5])], [I(0), 1, 2, 3])
    add("index_select", "index_select", [X([4, 3]), IDX([2, 0])], [I(0), 0, I(1)])
    add("index_select_repeated", "index_select", [X([2, 4]), IDX([1, 3, 1, 1])], [I(0), 1, I(1)])
    add("gather_dim1", "gather", [X([2, 3]), IDX([0, 2, 2, 1, 1, 0], [2, 3])], [I(0), 1, I(1)])
    add("gather_dim0_repeated", "gather", [X([3, 2]), IDX([2, 2, 0, 2], [2, 2])], [I(0), 0, I(1)])
    add("masked_fill", "masked_fill", [X([2, 3]), MASK([True, False, False, True, True, False], [2, 3])],
        [I(0), I(1), -1.5])
    add("masked_fill_broadcast", "masked_fill", [X([2, 3]), MASK([False, True, False], [3])], [I(0), I(1), 0.0])
    add("getitem_int_none_range", "getitem", [X([3, 4, 5])], [I(0), [0, None, "1:3"]])
    add("getitem_step", "getitem", [X([6, 3])], [I(0), ["::2"]])
    add("getitem_negative_start", "getitem", [X([5, 4])], [I(0), ["-2:", "1:"]])
    add("getitem_negative_int", "getitem", [X([3, 4])], [I(0), [-1]])
    add("getitem_negative_stop_step", "getitem", [X([4, 7])], [I(0), [None, "1:-1:2"]])
    add("getitem_ints_both", "getitem", [X([3, 4])], [I(0), [1, -2]])
    add("getitem_noncontig", "getitem", [X([4, 3], noncontig=True)], [I(0), ["1:", 0]])


# -------------------------------------------------------------- functional

def functional():
    add("softmax_dim1", "F.softmax", [X([2, 4], -3, 3)], [I(0), 1])
    add("softmax_dim0", "F.softmax", [X([3, 2], -3, 3)], [I(0)], {"dim": 0})
    add("softmax_3d_neg", "F.softmax", [X([2, 2, 3], -3, 3)], [I(0), -1])
    add("softmax_f32", "F.softmax", [X([2, 3], -3, 3, dtype="float32")], [I(0), 1])
    add("log_softmax_dim1", "F.log_softmax", [X([2, 4], -3, 3)], [I(0), 1])
    add("log_softmax_dim0", "F.log_softmax", [X([3, 2], -3, 3)], [I(0)], {"dim": 0})
    add("log_softmax_large", "F.log_softmax", [X([1, 3], data=[1000.0, 1001.0, 999.0])], [I(0), 1])
    add("linear_bias", "F.linear", [X([2, 3]), X([4, 3]), X([4])], [I(0), I(1), I(2)])
    add("linear_no_bias", "F.linear", [X([2, 3]), X([4, 3])], [I(0), I(1)])
    add("linear_3d_input", "F.linear", [X([2, 2, 3]), X([2, 3]), X([2])], [I(0), I(1), I(2)])
    add("linear_1d_input", "F.linear", [X([3]), X([2, 3]), X([2])], [I(0), I(1), I(2)])
    add("linear_f32", "F.linear", [X([2, 3], dtype="float32"), X([2, 3], dtype="float32"),
                                   X([2], dtype="float32")], [I(0), I(1), I(2)])
    for red in ["none", "mean", "sum"]:
        kw = {"reduction": red}
        add(f"mse_loss_{red}", "F.mse_loss", [X([2, 3]), X([2, 3])], [I(0), I(1)], kw)
        add(f"l1_loss_{red}", "F.l1_loss", [X([2, 3]), X([2, 3])], [I(0), I(1)], kw)
        add(f"cross_entropy_{red}", "F.cross_entropy", [X([3, 4], -2, 2), IDX([1, 0, 3])], [I(0), I(1)], kw)
        add(f"nll_loss_{red}", "F.nll_loss", [X([3, 4], -3, -0.1), IDX([2, 2, 0])], [I(0), I(1)], kw)
        add(f"binary_cross_entropy_{red}", "F.binary_cross_entropy",
            [X([2, 3], 0.05, 0.95), X([2, 3], 0, 1, rg=False)], [I(0), I(1)], kw)
        add(f"binary_cross_entropy_with_logits_{red}", "F.binary_cross_entropy_with_logits",
            [X([2, 3], -3, 3), X([2, 3], 0, 1, rg=False)], [I(0), I(1)], kw)
    add("mse_loss_default_f32", "F.mse_loss", [X([4], dtype="float32"), X([4], dtype="float32", rg=False)],
        [I(0), I(1)])
    add("l1_loss_default", "F.l1_loss", [X([3]), X([3], rg=False)], [I(0), I(1)])
    add("cross_entropy_default_f32", "F.cross_entropy", [X([2, 3], dtype="float32"), IDX([2, 0])], [I(0), I(1)])
    add("cross_entropy_1d_input", "F.cross_entropy", [X([4]), IDX([2], [])], [I(0), I(1)])
    add("nll_loss_default", "F.nll_loss", [X([2, 3], -3, -0.1), IDX([1, 1])], [I(0), I(1)])
    add("binary_cross_entropy_default_targets01", "F.binary_cross_entropy",
        [X([4], 0.05, 0.95), X([4], data=[0.0, 1.0, 1.0, 0.0], rg=False)], [I(0), I(1)])
    add("binary_cross_entropy_with_logits_default", "F.binary_cross_entropy_with_logits",
        [X([4], -4, 4), X([4], data=[1.0, 0.0, 1.0, 1.0], rg=False)], [I(0), I(1)])


def class_losses():
    """nll_loss and cross_entropy with (N, C, d1, ...) inputs, class weights, ignore_index,
    label smoothing and class-probability targets (issue 12)."""
    W = lambda c: X([c], 0.5, 2.0, rg=False)
    for red in ["none", "mean", "sum"]:
        kw = {"reduction": red}
        add(f"nll_loss_3d_{red}", "F.nll_loss", [X([2, 3, 4], -3, -0.1), IDX([0, 2, 1, 1, 2, 0, 0, 1], [2, 4])],
            [I(0), I(1)], kw)
        add(f"nll_loss_4d_weight_ignore_{red}", "F.nll_loss",
            [X([2, 3, 2, 2], -3, -0.1), IDX([0, 2, -100, 1, 2, 2, 0, -100], [2, 2, 2]), W(3)], [I(0), I(1)],
            {**kw, "weight": I(2)})
        add(f"nll_loss_5d_{red}", "F.nll_loss", [X([2, 3, 2, 1, 2], -3, -0.1), IDX([1, 0, 2, 2, 0, 1, 1, 0], [2, 2, 1, 2])],
            [I(0), I(1)], kw)
        add(f"cross_entropy_weight_ignore_{red}", "F.cross_entropy",
            [X([4, 3]), IDX([2, 1, 1, 0]), W(3)], [I(0), I(1)], {**kw, "weight": I(2), "ignore_index": 1})
        add(f"cross_entropy_4d_{red}", "F.cross_entropy", [X([2, 3, 2, 2]), IDX([0, 1, 2, 2, 1, 0, -100, 1], [2, 2, 2])],
            [I(0), I(1)], kw)
        add(f"cross_entropy_smoothing_{red}", "F.cross_entropy", [X([3, 4]), IDX([3, -100, 0])], [I(0), I(1)],
            {**kw, "label_smoothing": 0.2})
        add(f"cross_entropy_smoothing_weight_{red}", "F.cross_entropy", [X([3, 4]), IDX([3, -100, 0]), W(4)],
            [I(0), I(1)], {**kw, "label_smoothing": 0.1, "weight": I(2)})
        add(f"cross_entropy_smoothing_3d_{red}", "F.cross_entropy", [X([2, 3, 2]), IDX([2, 0, 1, -100], [2, 2])],
            [I(0), I(1)], {**kw, "label_smoothing": 0.3})
        add(f"cross_entropy_probs_{red}", "F.cross_entropy", [X([3, 4]), X([3, 4], 0, 1, rg=False)], [I(0), I(1)], kw)
        add(f"cross_entropy_probs_weight_smoothing_{red}", "F.cross_entropy",
            [X([2, 3, 2, 2]), X([2, 3, 2, 2], 0, 1, rg=False), W(3)], [I(0), I(1)],
            {**kw, "weight": I(2), "label_smoothing": 0.25})
    add("nll_loss_all_ignored_mean", "F.nll_loss", [X([2, 3], -3, -0.1), IDX([-100, -100])], [I(0), I(1)])
    add("nll_loss_1d_weight", "F.nll_loss", [X([3], -3, -0.1), IDX([2], []), W(3)], [I(0), I(1)], {"weight": I(2)})
    add("cross_entropy_1d_smoothing_f32", "F.cross_entropy", [X([4], dtype="float32"), IDX([1], [])], [I(0), I(1)],
        {"label_smoothing": 0.15})
    add("cross_entropy_probs_1d", "F.cross_entropy", [X([4]), X([4], 0, 1, rg=False)], [I(0), I(1)])


# ------------------------------------------------- rounding, triangles (last: the cases above keep their data)

def rounding():
    # Halves (round goes to even), negatives just below an integer, -0.2 (ceil and trunc give -0.).
    halves = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, -0.2, 0.7, -1.9, 3.2]
    for op in ["floor", "ceil", "round", "trunc", "frac"]:
        add(f"{op}_f64", op, [X([2, 5], data=halves)], [I(0)])
        add(f"{op}_f32", op, [X([5], -3, 3, dtype="float32")], [I(0)])
        add(f"{op}_noncontig", op, [X([2, 3], -3, 3, noncontig=True)], [I(0)])
    for op in ["floor", "ceil", "round", "trunc"]:
        add(f"{op}_int64", op, [IDX([3, -2, 0, 7])], [I(0)])
    add("round_decimals_2", "round", [X([2, 3], -30, 30)], [I(0)], {"decimals": 2})
    add("round_decimals_neg1_f32", "round", [X([6], -300, 300, dtype="float32")], [I(0)], {"decimals": -1})
    add("round_decimals_0", "round", [X([4], data=[0.5, 1.5, -2.5, 2.25])], [I(0)], {"decimals": 0})
    for op in ["isnan", "isinf", "isfinite"]:
        add(f"{op}_f64", op, [X([2, 3], rg=False)], [I(0)])
        add(f"{op}_int64", op, [IDX([3, -2, 0])], [I(0)])


def triangles():
    for op in ["tril", "triu"]:
        add(f"{op}_square", op, [X([4, 4])], [I(0)])
        add(f"{op}_wide_diag1", op, [X([3, 5])], [I(0), 1])
        add(f"{op}_tall_diag_m2", op, [X([5, 3])], [I(0), -2])
        add(f"{op}_batched_kw", op, [X([2, 3, 3])], [I(0)], {"diagonal": -1})
        add(f"{op}_noncontig_f32", op, [X([3, 4], dtype="float32", noncontig=True)], [I(0)])
        add(f"{op}_far_diagonal", op, [X([2, 3])], [I(0), 7])
        add(f"{op}_int64", op, [IDX([1, 2, 3, 4, 5, 6], [2, 3])], [I(0), 1])


def main():
    for make in [arithmetic, unary, activations, clamp_where, comparisons, reductions, linalg, shapes, joins,
                 indexing, functional, class_losses, rounding, triangles]:
        make()
    names = Counter(c["name"] for c in CASES)
    dup = [n for n, k in names.items() if k > 1]
    assert not dup, f"duplicate case names: {dup}"
    doc = {"torch_version": torch.__version__, "cases": CASES}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "ops.json")
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    per_op = Counter(c["op"] for c in CASES)
    print(f"wrote {len(CASES)} cases ({os.path.getsize(path)} bytes) to {os.path.normpath(path)}")
    print(", ".join(f"{op}: {k}" for op, k in sorted(per_op.items())))


if __name__ == "__main__":
    main()

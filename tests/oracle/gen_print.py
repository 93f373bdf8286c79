"""Writes tests/fixtures/print.json: arrays printed by the real NumPy 1.24
(str and repr, modern and legacy='1.13') and PyTorch 1.13 (repr with
requires_grad / grad_fn suffixes), the oracle for tests/cpp/print_test.cpp.

Run with Debian's python (the one with torch): /usr/bin/python3 tests/oracle/gen_print.py
"""
import json
import math
import os

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "print.json")
rng = np.random.default_rng(20240601)
# Casting values like 1e100 to float32 gives inf on purpose.
np.seterr(over="ignore")
cases = []


def encode(v, dtype):
    """JSON-safe flat value: non-finite floats and -0.0 become strings."""
    if dtype in ("int64", "bool"):
        return int(v)
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == 0 and math.copysign(1, v) < 0:
        return "-0"
    return v


def add(name, arr, np_opts=None, torch_opts=None, grad=None):
    """grad: None, 'requires_grad', or a way to get a grad_fn ('mul', 'mean')."""
    arr = np.asarray(arr)
    dtype = str(arr.dtype)
    assert dtype in ("float32", "float64", "int64", "bool"), dtype
    np_opts = np_opts or {}
    torch_opts = torch_opts or {}
    with np.printoptions(**np_opts):
        np_str, np_repr = str(arr), repr(arr)
    t = torch.from_numpy(arr.copy())
    grad_fn = ""
    requires_grad = False
    if grad is not None:
        leaf = t.clone().requires_grad_(True)
        if grad == "requires_grad":
            t, requires_grad = leaf, True
        elif grad == "mul":
            t = leaf * 1
        elif grad == "mean":
            # Only a 0-d value can come out of a full mean unchanged.
            t = leaf.reshape(-1).mean() if arr.ndim == 0 else leaf * 1
        if t.grad_fn is not None:
            grad_fn = type(t.grad_fn).__name__
            requires_grad = True
        shown = t.detach().numpy()
        assert shown.shape == arr.shape
        assert np.array_equal(shown, arr, equal_nan=True)
    torch.set_printoptions(**torch_opts)
    try:
        t_repr = repr(t)
    finally:
        torch.set_printoptions(profile="default")
    cases.append({
        "name": name,
        "dtype": dtype,
        "shape": list(arr.shape),
        "data": [encode(v, dtype) for v in arr.reshape(-1).tolist()],
        "numpy_options": np_opts,
        "torch_options": torch_opts,
        "requires_grad": requires_grad,
        "grad_fn": grad_fn,
        "numpy_str": np_str,
        "numpy_repr": np_repr,
        "torch_repr": t_repr,
    })


nan, inf = float("nan"), float("inf")
HAND = {
    "tutorial": [[1, 2], [3, 4]],
    "grad": [[0.5, 1.0], [1.5, 2.0]],
    "thirds": [1 / 3, 2 / 3, 1.0],
    "tenth": [0.1, 0.2, 0.3],
    "mixed_sign": [-1.5, 2.25, -3.125, 0.0],
    "neg_zero": [-0.0, 0.0, 1.0],
    "only_neg_zero": [-0.0],
    "zeros": [0.0, 0.0, 0.0],
    "tiny": [1e-5, 2e-5, 3e-7],
    "tiny_mixed": [1e-5, 1.0, 2.0],
    "huge": [1e8, 2e8, 3.5e9],
    "huge_mixed": [1e10, 1.0, -3.0],
    "ratio_just_over": [1.0, 1000.5],
    "ratio_exact": [1.0, 1000.0],
    "ratio_int": [1.0, 1001.0],
    "big_int": [123456789.0, 1.0],
    "e100": [1e100, 1e-100, 1.0],
    "e300": [1e300, -1e-300],
    "nan_inf": [nan, inf, -inf, 1.5],
    "nan_only": [nan, nan],
    "inf_only": [inf, -inf],
    "nan_int": [nan, 1.0, 2.0],
    "inf_tiny": [inf, 1e-6],
    "pi_e": [math.pi, math.e, -math.sqrt(2)],
    "long_digits": [0.123456789123, 12345.6789, 1.0],
    "round_up": [0.99999999, 9.9999999, 0.5],
    "halves": [0.5, 1.5, 2.5, 3.5, -0.5],
    "ints_big": [100000.0, 20000.0, 3.0],
    "small_dec": [0.001, 0.01, 0.1],
    "sub1e4": [0.0001, 0.00011, 0.5],
    "denormal": [1e-310, 1.0],
    "precision_tail": [1.23456789012, 2.0],
    "single": [7.5],
    "neg_single": [-7.5],
}

# Hand-picked values in both float types and several shapes.
for name, vals in HAND.items():
    a = np.array(vals, dtype=np.float64)
    for dt in ("float64", "float32"):
        b = a.astype(dt)
        add(f"{name}_{dt}", b)
        if b.size >= 2 and b.size % 2 == 0:
            add(f"{name}_{dt}_2d", b.reshape(2, -1))
    add(f"{name}_0d_f32", a.astype(np.float32).reshape(-1)[:1].reshape(()))
    add(f"{name}_0d_f64", a.reshape(-1)[-1:].reshape(()))

# Random floats: scales, shapes and both float types.
SCALES = {"unit": 1.0, "small": 1e-3, "tiny": 1e-6, "large": 1e4, "huge": 1e9}
SHAPES = [(5,), (3, 4), (2, 3, 4), (2, 2, 2, 2), (1,), (1, 1), (4, 1), (1, 6), (12,), (2, 1, 3)]
for sname, scale in SCALES.items():
    for shape in SHAPES:
        for dt in ("float32", "float64"):
            a = (rng.standard_normal(shape) * scale).astype(dt)
            add(f"randn_{sname}_{'x'.join(map(str, shape))}_{dt}", a)

# Integral floats (the trailing '.' form) and rounded decimals.
for shape in [(6,), (2, 3), (2, 2, 3)]:
    n = int(np.prod(shape))
    for dt in ("float32", "float64"):
        add(f"integral_{len(shape)}d_{dt}", rng.integers(-50, 50, n).astype(dt).reshape(shape))
        add(f"rounded_{len(shape)}d_{dt}", np.round(rng.standard_normal(n) * 10, 2).astype(dt).reshape(shape))

# Wide rows: line wrapping.
for n in (20, 30, 45, 80):
    add(f"wide_{n}_f32", (rng.standard_normal(n) * 100).astype(np.float32))
    add(f"wide_int_{n}", rng.integers(-10**6, 10**6, n))
add("wide_2d_f64", rng.standard_normal((3, 25)))
add("wide_3d_f32", rng.standard_normal((2, 2, 15)).astype(np.float32))
add("wide_sci_f64", rng.standard_normal(30) * 1e-7)

# Summarization above the threshold.
add("long_vec_f32", rng.standard_normal(1001).astype(np.float32))
add("long_vec_f64", rng.standard_normal(2000))
add("long_vec_int", np.arange(1500, dtype=np.int64))
add("long_2d_f32", rng.standard_normal((40, 30)).astype(np.float32))
add("long_2d_int", rng.integers(-5, 5, (3, 400)))
add("long_3d_f64", rng.standard_normal((11, 11, 11)))
add("long_4d_f32", rng.standard_normal((5, 6, 7, 8)).astype(np.float32))
add("long_bool", rng.integers(0, 2, 1200).astype(bool))
add("long_vec_sci", (rng.standard_normal(1100) * 1e-6).astype(np.float32))
add("exact_threshold", np.arange(1000, dtype=np.float64))

# Integers and bools.
for shape in [(), (1,), (5,), (2, 3), (2, 2, 2), (3, 1, 2, 2)]:
    n = int(np.prod(shape))
    add(f"int_{len(shape)}d", rng.integers(-100, 100, n).reshape(shape))
    add(f"bool_{len(shape)}d", rng.integers(0, 2, n).astype(bool).reshape(shape))
add("int_big", np.array([2**62, -2**62, 7], dtype=np.int64))
add("int_minmax", np.array([np.iinfo(np.int64).max, np.iinfo(np.int64).min], dtype=np.int64))
add("int_zero", np.zeros(4, dtype=np.int64))
add("bool_true", np.array([True, True]))

# Empty arrays and 0-d values.
for dt in ("float32", "float64", "int64", "bool"):
    for shape in [(0,), (0, 3), (2, 0), (1, 0, 2)]:
        add(f"empty_{'x'.join(map(str, shape))}_{dt}", np.zeros(shape, dtype=dt))
for v in [0.0, -0.0, 1.0, 7.5, 1e-5, 1e20, 123456789.0, 0.1, nan, -inf, 1e16, 9999999999999998.0, 1e-4]:
    for dt in ("float32", "float64"):
        add(f"scalar_{v!r}_{dt}", np.array(v, dtype=dt))

# Non-default NumPy options.
NP_OPTS = [
    {"precision": 3}, {"precision": 4}, {"precision": 12}, {"suppress": True},
    {"threshold": 10}, {"threshold": 5, "edgeitems": 1}, {"edgeitems": 2, "threshold": 20},
    {"linewidth": 40}, {"linewidth": 100}, {"linewidth": 20}, {"precision": 2, "suppress": True},
]
OPT_ARRAYS = {
    "randn": rng.standard_normal((4, 5)),
    "randn_f32": rng.standard_normal(30).astype(np.float32),
    "tiny": rng.standard_normal(8) * 1e-6,
    "mixed": np.array([1e-9, 1.0, 123.456, -7.25]),
    "int": rng.integers(-999, 999, (3, 9)),
    "cube": rng.standard_normal((3, 4, 5)).astype(np.float32),
    "sci": np.array([1.5e10, 2.25e-3, 3.0]),
}
for i, opts in enumerate(NP_OPTS):
    for aname, a in OPT_ARRAYS.items():
        add(f"npopt{i}_{aname}", a, np_opts=opts)

# NumPy 1.13 legacy printing.
LEGACY = dict(HAND)
LEGACY.update({
    "randn": rng.standard_normal((3, 4)).tolist(),
    "sci_mix": [1e-10, 1.0, -2.5e5],
    "cube": rng.standard_normal((2, 3, 2)).tolist(),
})
for name, vals in LEGACY.items():
    for dt in ("float64", "float32"):
        add(f"legacy_{name}_{dt}", np.array(vals, dtype=dt), np_opts={"legacy": "1.13"})
for name, a in [("int", rng.integers(-9, 99, (2, 5))), ("bool", np.array([True, False])),
                ("bool_0d", np.array(True)), ("int_0d", np.array(42)),
                ("f32_0d", np.array(0.1, dtype=np.float32)), ("f64_0d", np.array(2.5)),
                ("long", rng.standard_normal(2000)), ("long_2d", rng.standard_normal((50, 50))),
                ("long_3d", rng.integers(0, 9, (12, 12, 12))), ("wide", rng.standard_normal(40) * 50),
                ("empty", np.zeros((0,), dtype=np.float32)), ("empty_2d", np.zeros((0, 2))),
                ("nan_inf_2d", np.array([[nan, 1.0], [inf, -inf]]))]:
    add(f"legacy_{name}", a, np_opts={"legacy": "1.13"})
add("legacy_opts_prec", rng.standard_normal(6), np_opts={"legacy": "1.13", "precision": 3})
add("legacy_opts_width", rng.standard_normal(30), np_opts={"legacy": "1.13", "linewidth": 50})
add("legacy_opts_thresh", rng.standard_normal((4, 8)), np_opts={"legacy": "1.13", "threshold": 10, "edgeitems": 2})

# Non-default PyTorch options.
T_OPTS = [
    {"precision": 2}, {"precision": 6}, {"sci_mode": True}, {"sci_mode": False},
    {"linewidth": 40}, {"linewidth": 120}, {"threshold": 10}, {"threshold": 10, "edgeitems": 2},
    {"precision": 1, "sci_mode": True},
]
T_ARRAYS = {
    "randn": rng.standard_normal((3, 7)).astype(np.float32),
    "integral": np.array([1.0, 20.0, -300.0], dtype=np.float32),
    "tiny": (rng.standard_normal(6) * 1e-6).astype(np.float32),
    "wide": rng.standard_normal(40),
    "int": rng.integers(-99, 99, (4, 6)),
    "zeros": np.zeros(3, dtype=np.float32),
    "nan": np.array([nan, 1.5], dtype=np.float32),
}
for i, opts in enumerate(T_OPTS):
    for aname, a in T_ARRAYS.items():
        add(f"topt{i}_{aname}", a, torch_opts=opts)

# requires_grad and grad_fn suffixes.
GRAD_ARRAYS = {
    "tutorial": np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32),
    "grad": np.array([[0.5, 1.0], [1.5, 2.0]], dtype=np.float32),
    "scalar": np.array(7.5, dtype=np.float32),
    "vec64": rng.standard_normal(4),
    "wide": rng.standard_normal(18).astype(np.float32) * 1000,
    "wide64": rng.standard_normal((2, 9)) * 1e5,
    "cube": rng.standard_normal((2, 2, 3)).astype(np.float32),
    "empty": np.zeros((0,), dtype=np.float32),
    "empty2": np.zeros((0, 3), dtype=np.float64),
}
for aname, a in GRAD_ARRAYS.items():
    for how in ("requires_grad", "mul", "mean"):
        add(f"grad_{how}_{aname}", a, grad=how)
add("grad_wide_linewidth", rng.standard_normal(12).astype(np.float32), torch_opts={"linewidth": 60}, grad="mul")

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"numpy": np.__version__, "torch": torch.__version__, "cases": cases}, f, indent=0)
    f.write("\n")
print(f"{len(cases)} cases -> {OUT} ({os.path.getsize(OUT)} bytes)")

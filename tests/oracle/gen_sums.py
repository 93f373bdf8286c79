"""Writes tests/fixtures/sums.json: torch.sum and torch.mean of float32 and
float64 tensors in many layouts (permuted, sliced) and over every set of
dims, as PyTorch 1.13 adds them on this machine (one thread, AVX2). The
engine must match them bit for bit (tests/cpp/cascade_sum_test.cpp,
tests/js/sums.test.js). Inputs are not stored: element i of the contiguous
base tensor is value(i) below, which C++ and JS compute the same way with
exactly rounded double arithmetic.

    /usr/bin/python3 tests/oracle/gen_sums.py
"""
import itertools
import json
import os

import torch

SCALES = [1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3]


def value(i):
    return ((i * 2654435761) % 1000003 / 1000003.0 - 0.5) * SCALES[i % 7]


def base(shape, dtype):
    n = 1
    for s in shape:
        n *= s
    return torch.tensor([value(i) for i in range(n)], dtype=torch.float64).to(dtype).reshape(shape)


def bits(t):
    return [float(v) for v in t.reshape(-1).tolist()]


def main():
    torch.set_num_threads(1)
    cases = []
    shapes = [(1,), (7,), (8,), (31,), (64,), (200,), (1000,), (4097,), (5, 7), (3, 40), (40, 3), (64, 33), (33, 64),
              (100, 10), (10, 100), (1, 70), (70, 1), (2, 3, 4), (4, 17, 9), (9, 2, 37), (3, 1, 50), (2, 2, 2, 40),
              (3, 4, 5, 6)]
    for dtype in ["float32", "float64"]:
        dt = getattr(torch, dtype)
        for shape in shapes:
            nd = len(shape)
            layouts = [("contiguous", None, 1), ("reversed", tuple(reversed(range(nd))), 1)]
            if shape[0] >= 4:
                layouts.append(("every_other_row", None, 2))
            for layout, perm, step in layouts:
                x = base(shape, dt)
                if perm:
                    x = x.permute(*perm)
                if step > 1:
                    x = x[::step]
                dim_sets = [None] + [list(c) for r in range(1, nd + 1) for c in itertools.combinations(range(nd), r)]
                for dims in dim_sets:
                    for op in ["sum", "mean"]:
                        keepdim = dims is not None and len(cases) % 3 == 0
                        out = getattr(torch, op)(x) if dims is None else getattr(torch, op)(x, dims, keepdim=keepdim)
                        cases.append({"dtype": dtype, "shape": list(shape), "perm": list(perm) if perm else None,
                                      "step": step, "op": op, "dims": dims, "keepdim": keepdim,
                                      "out_shape": list(out.shape), "out": bits(out)})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "sums.json")
    with open(path, "w") as f:
        json.dump({"torch_version": torch.__version__, "cases": cases}, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {len(cases)} cases ({os.path.getsize(path)} bytes) to {os.path.normpath(path)}")


if __name__ == "__main__":
    main()

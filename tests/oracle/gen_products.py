"""Writes tests/fixtures/products.json: float32 matrix products (mm, addmm,
matmul, bmm, mv, dot, F.linear with and without bias), forward and both gradients, as
Debian's PyTorch 1.13 computes them here (one thread; its BLAS is the
reference one, which adds each output element's products in order, from
zero, or from addmm's bias when the layout hands it an untransposed first
operand, else with the bias last). The engine must match them bit for bit
(tests/cpp/products_test.cpp, tests/js/products.test.js). Inputs are not
stored: element i of operand j is value(i + 7919 * j), which C++ and JS
compute the same way with exactly rounded double arithmetic.

    /usr/bin/python3 tests/oracle/gen_products.py
"""
import json
import os

import numpy  # noqa: F401  (Tensor.numpy)
import torch

SCALES = [1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3]


def value(i):
    return ((i * 2654435761) % 1000003 / 1000003.0 - 0.5) * SCALES[i % 7]


def operand(j, shape, transposed):
    """Operand j of `shape`, contiguous or (transposed) a transposed view of a contiguous tensor."""
    stored = list(reversed(shape[-2:])) if transposed else list(shape[-2:])
    full = list(shape[:-2]) + stored
    n = 1
    for s in full:
        n *= s
    t = torch.tensor([value(i + 7919 * j) for i in range(n)], dtype=torch.float64).to(torch.float32).reshape(full)
    t = t.transpose(-1, -2) if transposed else t
    return t.detach().requires_grad_(True)


def bits(t):
    """float32 values in their shortest text that reads back as the same float32 (a double that
    rounds to it): the test casts each back to float32 before comparing bits."""
    return [float(repr(v)) for v in t.detach().reshape(-1).numpy()]


def main():
    torch.set_num_threads(1)
    cases = []
    sizes = [(1, 1, 1), (3, 5, 4), (8, 17, 9), (5, 300, 3), (2, 600, 2), (20, 12, 30), (2, 1, 2), (6, 9, 1)]
    for (n, k, m) in sizes:
        for ta in (False, True):
            for tb in (False, True):
                cases.append({"op": "mm", "shapes": [[n, k], [k, m]], "transposed": [ta, tb]})
        for ta in (False, True):
            for tb in (False, True):
                cases.append({"op": "addmm", "shapes": [[m], [n, k], [k, m]], "transposed": [False, ta, tb]})
        cases.append({"op": "linear", "shapes": [[n, k], [m, k], [m]], "transposed": [False, False, False]})
        cases.append({"op": "linear", "shapes": [[n, k], [m, k]], "transposed": [False, False]})
        cases.append({"op": "mv", "shapes": [[n, k], [k]], "transposed": [False, False]})
        cases.append({"op": "matmul", "shapes": [[k], [k, m]], "transposed": [False, False]})
        cases.append({"op": "dot", "shapes": [[k], [k]], "transposed": [False, False]})
        cases.append({"op": "bmm", "shapes": [[3, n, k], [3, k, m]], "transposed": [False, True]})
        cases.append({"op": "matmul", "shapes": [[2, n, k], [k, m]], "transposed": [False, False]})
    for c in cases:
        ins = [operand(j, s, t) for j, (s, t) in enumerate(zip(c["shapes"], c["transposed"]))]
        if c["op"] == "linear":
            out = torch.nn.functional.linear(*ins)
        else:
            out = getattr(torch, c["op"])(*ins)
        grad_out = operand(len(ins), list(out.shape), False).detach()
        grads = torch.autograd.grad(out, ins, grad_out)
        c["out"] = bits(out)
        c["grads"] = [bits(g) for g in grads]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "products.json")
    with open(path, "w") as f:
        json.dump({"torch_version": torch.__version__, "cases": cases}, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {len(cases)} cases ({os.path.getsize(path)} bytes) to {os.path.normpath(path)}")


if __name__ == "__main__":
    main()

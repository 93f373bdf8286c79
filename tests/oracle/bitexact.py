"""What the bit-for-bit fixture generators share (gen_sums.py, gen_products.py,
gen_ranges.py): the input values, which C++ (tests/cpp/bit_fixture.h) and JS
compute the same way instead of reading them from the fixture, the shortest
exact text of a float32 or float64 result, and writing the JSON document."""
import json
import os

import torch

SCALES = [1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3]


def value(i):
    """Input element i: exactly rounded double steps from an integer hash, magnitudes 1e-3 to 1e3."""
    return ((i * 2654435761) % 1000003 / 1000003.0 - 0.5) * SCALES[i % 7]


def values(t):
    """A tensor's values in their shortest text that reads back as the same float (a float32 result
    as a double that rounds to it: the tests cast each back before comparing bits)."""
    return [float(repr(v)) for v in t.detach().reshape(-1).numpy()]


def write(name, cases):
    """tests/fixtures/<name>.json with PyTorch's version and the cases."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", name + ".json")
    with open(path, "w") as f:
        json.dump({"torch_version": torch.__version__, "cases": cases}, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {len(cases)} cases ({os.path.getsize(path)} bytes) to {os.path.normpath(path)}")

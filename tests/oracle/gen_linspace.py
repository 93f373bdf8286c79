"""Writes tests/fixtures/linspace.json: torch.linspace in float32 and float64
for many ranges and lengths, as PyTorch 1.13 rounds them here (its AVX2
kernel: fused multiply-adds, and a vector loop that steps from each vector's
first element). The engine must match them bit for bit
(tests/cpp/linspace_test.cpp, tests/js/creation.test.js).

    /usr/bin/python3 tests/oracle/gen_linspace.py
"""
import json
import math
import os

import torch


def main():
    ranges = [(-math.pi, math.pi), (0, 1), (2, 2.5), (-3, 7), (0.1, 0.9), (-1, 1), (5, -2), (-7.3, 11.1),
              (1e-3, 1e3), (-0.0, 0.0), (0, 10)]
    lengths = [1, 2, 3, 5, 7, 8, 15, 16, 17, 31, 32, 33, 64, 100, 200, 333, 1000]
    cases = []
    for start, end in ranges:
        for steps in lengths:
            for dtype in ["float32", "float64"]:
                t = torch.linspace(start, end, steps, dtype=getattr(torch, dtype))
                cases.append({"start": start, "end": end, "steps": steps, "dtype": dtype,
                              "out": [float(repr(v)) for v in t.numpy()]})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "linspace.json")
    with open(path, "w") as f:
        json.dump({"torch_version": torch.__version__, "cases": cases}, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {len(cases)} cases ({os.path.getsize(path)} bytes) to {os.path.normpath(path)}")


if __name__ == "__main__":
    main()

"""Writes tests/fixtures/ranges.json: torch.linspace and torch.arange in
float32 and float64 for many ranges, lengths and steps, as PyTorch 1.13 rounds
them here (its AVX2 kernels: fused multiply-adds, and a vector loop that steps
from each vector's first element). The engine must match them bit for bit
(tests/cpp/ranges_test.cpp, tests/js/creation.test.js).

    /usr/bin/python3 tests/oracle/gen_ranges.py
"""
import math

import torch

import bitexact


def main():
    ranges = [(-math.pi, math.pi), (0, 1), (2, 2.5), (-3, 7), (0.1, 0.9), (-1, 1), (5, -2), (-7.3, 11.1),
              (1e-3, 1e3), (-0.0, 0.0), (0, 10)]
    lengths = [1, 2, 3, 5, 7, 8, 15, 16, 17, 31, 32, 33, 64, 100, 200, 333, 1000]
    cases = []
    for start, end in ranges:
        for steps in lengths:
            for dtype in ["float32", "float64"]:
                t = torch.linspace(start, end, steps, dtype=getattr(torch, dtype))
                cases.append({"op": "linspace", "start": start, "end": end, "steps": steps, "dtype": dtype,
                              "out": bitexact.values(t)})
    for start, end, step in [(0, 1, 0.1), (-3.14, 3.14, 0.01), (0, 5, 0.3), (1, 2, 0.07), (-1, 1, 0.013),
                             (0.5, 100, 0.37), (10, -10, -0.7), (0, 3, 1), (-2.5, 40, 0.25)]:
        for dtype in ["float32", "float64"]:
            t = torch.arange(start, end, step, dtype=getattr(torch, dtype))
            cases.append({"op": "arange", "start": start, "end": end, "step": step, "dtype": dtype,
                          "out": bitexact.values(t)})
    bitexact.write("ranges", cases)


if __name__ == "__main__":
    main()

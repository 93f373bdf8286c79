#!/usr/bin/python3
"""Writes tests/fixtures/random.json: what PyTorch's CPU generator returns after
torch.manual_seed for rand / randn / randint / uniform_ / normal_.

Run with the interpreter that has torch: /usr/bin/python3 tests/oracle/gen_random.py

Each case is one seed followed by a list of calls made in a row, so the later
calls check that the generator state (including randn's cached spare sample)
carries over between calls exactly as in PyTorch. Floats are written with
repr(), which round-trips: a float32 value comes back exactly after a cast.
"""
import json
import os

import torch

SEEDS = [0, 1, 42, 2024]
SIZES = [1, 5, 15, 16, 17, 100]
DTYPES = {"float32": torch.float32, "float64": torch.float64}


def run(call):
    """Makes one call as PyTorch would and returns its flat output."""
    fn, n = call["fn"], call["n"]
    shape = call.get("shape", [n])
    dt = DTYPES.get(call.get("dtype"))
    if fn == "rand":
        out = torch.rand(shape, dtype=dt)
    elif fn == "randn":
        out = torch.randn(shape, dtype=dt)
    elif fn == "randint":
        out = torch.randint(call["low"], call["high"], shape)
    elif fn == "uniform_":
        out = torch.empty(shape, dtype=dt).uniform_(call["from"], call["to"])
    elif fn == "normal_":
        out = torch.empty(shape, dtype=dt).normal_(call["mean"], call["std"])
    elif fn == "normal_transposed":
        # A transposed view is filled in memory order: report that order.
        base = torch.empty(shape, dtype=dt)
        base.t().normal_(call["mean"], call["std"])
        out = base
    elif fn == "uniform_transposed":
        base = torch.empty(shape, dtype=dt)
        base.t().uniform_(call["from"], call["to"])
        out = base
    else:
        raise ValueError(fn)
    return [int(v) if fn == "randint" else float(v) for v in out.reshape(-1).tolist()]


def case(name, seed, calls):
    torch.manual_seed(seed)
    for c in calls:
        c["data"] = run(c)
    return {"name": name, "seed": seed, "calls": calls}


def single_call_cases():
    cases = []
    for seed in SEEDS:
        for n in SIZES:
            for dname in DTYPES:
                cases.append(case(f"rand_{dname}_n{n}_s{seed}", seed,
                                  [{"fn": "rand", "dtype": dname, "n": n}]))
                cases.append(case(f"randn_{dname}_n{n}_s{seed}", seed,
                                  [{"fn": "randn", "dtype": dname, "n": n}]))
                cases.append(case(f"uniform_{dname}_n{n}_s{seed}", seed,
                                  [{"fn": "uniform_", "dtype": dname, "n": n, "from": -2.5, "to": 3.7}]))
                cases.append(case(f"normal_{dname}_n{n}_s{seed}", seed,
                                  [{"fn": "normal_", "dtype": dname, "n": n, "mean": 1.3, "std": 0.7}]))
            cases.append(case(f"randint_0_10_n{n}_s{seed}", seed,
                              [{"fn": "randint", "n": n, "low": 0, "high": 10}]))
            cases.append(case(f"randint_neg_n{n}_s{seed}", seed,
                              [{"fn": "randint", "n": n, "low": -7, "high": 1000003}]))
            # A range of 2**32 or more switches PyTorch to 64-bit draws.
            cases.append(case(f"randint_wide_n{n}_s{seed}", seed,
                              [{"fn": "randint", "n": n, "low": -(2 ** 40), "high": 2 ** 41 + 5}]))
    return cases


def sequence_cases():
    seq = [
        {"fn": "randn", "dtype": "float32", "n": 5},    # leaves a spare sample
        {"fn": "randn", "dtype": "float64", "n": 3},    # starts with the spare
        {"fn": "rand", "dtype": "float32", "n": 2},
        {"fn": "randn", "dtype": "float32", "n": 17},   # block path ignores the spare
        {"fn": "randn", "dtype": "float64", "n": 1},    # the spare is still there
        {"fn": "randint", "n": 4, "low": 3, "high": 9},
        {"fn": "normal_", "dtype": "float32", "n": 3, "mean": -1.0, "std": 2.0},
        {"fn": "uniform_", "dtype": "float64", "n": 4, "from": 0.25, "to": 0.5},
        {"fn": "randn", "dtype": "float64", "n": 33},
        {"fn": "rand", "dtype": "float64", "n": 3, "shape": [3]},
        {"fn": "randn", "dtype": "float32", "n": 20, "shape": [4, 5]},
        {"fn": "randn", "dtype": "float32", "n": 1},
    ]
    cases = [case(f"sequence_s{seed}", seed, [dict(c) for c in seq]) for seed in SEEDS]
    # PyTorch's generator default seed (Python itself starts from a random one).
    cases.append(case("default_seed", 67280421310721,
                      [{"fn": "rand", "dtype": "float32", "n": 5}, {"fn": "randn", "dtype": "float32", "n": 16}]))
    # Ranges on either side of 2**32, where PyTorch switches from 32- to 64-bit draws.
    for low, high, tag in [(0, 2 ** 32 - 1, "below"), (0, 2 ** 32, "at"), (-5, 2 ** 32 - 5, "at_shifted"),
                           (7, 8, "single_value")]:
        cases.append(case(f"randint_range_{tag}", 11, [{"fn": "randint", "n": 9, "low": low, "high": high}]))
    for dname in DTYPES:
        cases.append(case(f"noncontig_normal_{dname}", 3, [
            {"fn": "normal_transposed", "dtype": dname, "n": 20, "shape": [4, 5], "mean": 0.5, "std": 2.0},
            {"fn": "uniform_transposed", "dtype": dname, "n": 20, "shape": [4, 5], "from": -1.0, "to": 1.0},
            {"fn": "normal_transposed", "dtype": dname, "n": 3, "shape": [3, 1], "mean": 0.0, "std": 1.0}]))
    cases.append(case("large_randn_f32", 7, [{"fn": "randn", "dtype": "float32", "n": 4099}]))
    cases.append(case("large_normal_f32", 8,
                      [{"fn": "normal_", "dtype": "float32", "n": 1000, "mean": 3.0, "std": 0.1}]))
    return cases


def main():
    doc = {"torch_version": torch.__version__, "cases": single_call_cases() + sequence_cases()}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "random.json")
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(doc['cases'])} cases to {os.path.normpath(path)}")


if __name__ == "__main__":
    main()

"""Writes tests/fixtures/data.json: torch.randperm, torch.multinomial,
Tensor.random_, DataLoader batch orders and random_split from PyTorch 1.13
(one thread), each after torch.manual_seed. tests/js/data.test.js replays them.

    /usr/bin/python3 tests/oracle/gen_data.py
"""
import json
import os

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "data.json")


def randperm_cases():
    out = []
    for seed, n in [(0, 0), (0, 1), (0, 5), (1, 10), (7, 100), (123, 1000), (2 ** 40 + 5, 17)]:
        torch.manual_seed(seed)
        out.append({"seed": seed, "n": n, "perm": torch.randperm(n).tolist(),
                    "then": torch.rand(2).tolist()})
    return out


def multinomial_cases():
    out = []
    cases = [
        ([0.1, 0.2, 0.3, 0.4], 8, True),
        ([0.1, 0.2, 0.3, 0.4], 3, False),
        ([0.1, 0.2, 0.3, 0.4], 1, True),
        ([2.0, 0.0, 1.0, 5.0, 0.5], 4, False),
        ([[0.5, 0.5, 0.0], [0.0, 0.2, 0.8]], 5, True),
        ([[0.5, 0.25, 0.25], [1.0, 2.0, 3.0]], 2, False),
        ([[0.3, 0.7]], 1, False),
    ]
    for seed, (probs, n, replacement) in enumerate(cases):
        for dtype in ("float32", "float64"):
            torch.manual_seed(seed)
            p = torch.tensor(probs, dtype=getattr(torch, dtype))
            out.append({"seed": seed, "probs": probs, "dtype": dtype, "n": n, "replacement": replacement,
                        "samples": torch.multinomial(p, n, replacement).tolist(), "then": torch.rand(2).tolist()})
    return out


def random_cases():
    out = []
    for seed, dtype, args in [(0, "int64", []), (1, "float32", []), (2, "float64", []), (3, "float32", [5]),
                              (4, "int64", [-3, 3]), (5, "int64", [0, 2 ** 40]), (6, "float64", [10, 20])]:
        torch.manual_seed(seed)
        t = torch.empty(6, dtype=getattr(torch, dtype)).random_(*args)
        values = t.tolist()
        if dtype == "int64" and not args:
            values = [str(v) for v in values]  # beyond 2^53: exact as strings
        out.append({"seed": seed, "dtype": dtype, "args": args, "values": values, "then": torch.rand(2).tolist()})
    return out


def loader_cases():
    out = []
    for seed, n, batch_size, shuffle, drop_last in [(0, 10, 4, True, False), (1, 10, 4, True, True),
                                                     (2, 7, 3, False, False), (3, 23, 5, True, False),
                                                     (4, 5, 1, True, False)]:
        torch.manual_seed(seed)
        x = torch.arange(n * 2, dtype=torch.float32).reshape(n, 2)
        y = torch.arange(n)
        loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=batch_size,
                                             shuffle=shuffle, drop_last=drop_last)
        epochs = [[yb.tolist() for _, yb in loader] for _ in range(2)]
        out.append({"seed": seed, "n": n, "batch_size": batch_size, "shuffle": shuffle, "drop_last": drop_last,
                    "length": len(loader), "epochs": epochs, "then": torch.rand(2).tolist()})
    return out


def split_cases():
    out = []
    for seed, n, lengths in [(0, 10, [7, 3]), (1, 10, [0.5, 0.3, 0.2]), (2, 11, [0.8, 0.2])]:
        torch.manual_seed(seed)
        parts = torch.utils.data.random_split(torch.utils.data.TensorDataset(torch.arange(n)), lengths)
        out.append({"seed": seed, "n": n, "lengths": lengths, "indices": [p.indices for p in parts],
                    "then": torch.rand(2).tolist()})
    return out


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    torch.set_num_threads(1)
    out = {"torch": torch.__version__, "randperm": randperm_cases(), "multinomial": multinomial_cases(),
           "random_": random_cases(), "loader": loader_cases(), "random_split": split_cases()}
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Runs difftest programs through PyTorch 1.13 and writes them with their
expected records as JSON.

  /usr/bin/python3 tests/difftest/gen_fixture.py                 # the committed fixture
  /usr/bin/python3 tests/difftest/gen_fixture.py --programs=500 --seed=7 --out=-   # live mode (stdout)

The fixture is tests/fixtures/difftest-<k>.json, SHARD programs per file, so
no single file grows large; tests/js/difftest.test.js replays every shard.
"""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")
SHARD = 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", default=None, help="'-' for stdout; default: the committed fixture shards")
    opts = parser.parse_args()
    torch.set_num_threads(1)
    programs = generate.generate_many(opts.programs, opts.seed)
    meta = {"torch": torch.__version__, "seed": opts.seed}
    if opts.out == "-":
        json.dump({"meta": meta, "programs": programs}, sys.stdout, separators=(",", ":"))
        return
    for k in range(0, len(programs), SHARD):
        path = opts.out or os.path.join(FIXTURES, "difftest-%d.json" % (k // SHARD))
        with open(path, "w") as f:
            json.dump({"meta": meta, "programs": programs[k:k + SHARD]}, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()

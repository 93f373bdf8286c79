#!/usr/bin/python3
"""Runs difftest programs through PyTorch 1.13 and writes them with their
expected records as JSON.

  /usr/bin/python3 tests/difftest/gen_fixture.py                 # the committed fixture
  /usr/bin/python3 tests/difftest/gen_fixture.py --programs=500 --seed=7 --out=-   # live mode (stdout)

Live mode prints one program per line as soon as it has run, so a PyTorch
crash (it happens: see FINDINGS.md) loses only the program it crashed in;
--first=K resumes a batch after it.

The fixture is tests/fixtures/difftest-<k>.json, SHARD programs per file, so
no single file grows large; tests/js/difftest.test.js replays every shard.
PyTorch itself sometimes corrupts its heap and aborts on a program (see
FINDINGS.md); such a program is left out and named in the fixture's meta.
"""
import argparse
import json
import os
import subprocess
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")
SHARD = 500


def run_isolated(count, seed):
    """count programs of seed, run in child processes in live mode; a program
    PyTorch crashes in is left out (its id is returned) and one more is run."""
    programs, crashed = [], []
    while len(programs) < count:
        first = len(programs) + len(crashed)
        child = subprocess.run([sys.executable, os.path.abspath(__file__), "--programs=%d" % (count + len(crashed)),
                                "--seed=%d" % seed, "--first=%d" % first, "--out=-"], capture_output=True, text=True)
        programs += [json.loads(line) for line in child.stdout.splitlines()]
        if child.returncode != 0:
            crashed.append("s%d-%d" % (seed, len(programs) + len(crashed)))
            print("PyTorch crashed in program %s: %s" % (crashed[-1], child.stderr.strip().splitlines()[-1:]), file=sys.stderr)
    return programs, crashed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", default=None, help="'-' for stdout; default: the committed fixture shards")
    parser.add_argument("--first", type=int, default=0, help="live mode: skip the batch's first programs")
    opts = parser.parse_args()
    torch.set_num_threads(1)
    if opts.out == "-":
        for program in generate.generate_many(opts.programs, opts.seed, first=opts.first):
            sys.stdout.write(json.dumps(program, separators=(",", ":")) + "\n")
            sys.stdout.flush()
        return
    programs, crashed = run_isolated(opts.programs, opts.seed)
    meta = {"torch": torch.__version__, "seed": opts.seed, "left_out_pytorch_crashed": crashed}
    for k in range(0, len(programs), SHARD):
        path = opts.out or os.path.join(FIXTURES, "difftest-%d.json" % (k // SHARD))
        with open(path, "w") as f:
            json.dump({"meta": meta, "programs": programs[k:k + SHARD]}, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()

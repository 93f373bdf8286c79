"""Runs difftest programs through the `torch` of the Python that imports this
file — Gradlab's Python mode, in Pyodide — and records every step the way
record.py recorded PyTorch's, for replay-python.js to compare.

    replay_python.main("/difftest/programs.json")   # one JSON line per program

A program's steps run in one namespace, as generate.py ran them; a step that
raises is recorded as its error and the program goes on, as in PyTorch.
"""
import json

import record
import torch


def run(program):
    ns = {"torch": torch, "F": torch.nn.functional}
    steps = []
    try:
        for step in program["steps"]:
            try:
                exec(step["py"], ns)
            except Exception as e:  # compared with PyTorch's error, class and message
                steps.append(record.error(e))
                continue
            steps.append({
                "out": {n: record.guarded(lambda n=n: ns[n]) for n in step.get("rec", [])},
                "grads": {n: record.guarded(lambda n=n: ns[n].grad) for n in step.get("grads", [])},
            })
    finally:
        torch.set_grad_enabled(True)
    return steps


def main(path):
    with open(path) as f:
        programs = json.load(f)
    for program in programs:
        print(json.dumps({"id": program["id"], "steps": run(program)}))

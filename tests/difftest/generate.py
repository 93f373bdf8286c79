"""Random tensor programs for difftest, generated and run through PyTorch in
one pass: each step is drawn with the live values of the earlier steps in
view (shapes, dtypes, which tensors require grad or are views), so operands
fit most of the time and misfit on purpose some of the time. A step's
PyTorch outcome (the values it produced, or the error it raised) is recorded
as the expectation the JS replay must meet.

A program is {id, steps: [{py, js, rec, grads, expect}]}: `rec` names the
variables to record after the step, `grads` the tensors whose .grad to record.
"""
import random
import warnings

import torch

import ir
import kinds
import ops
import record
from ir import Call, Lit

warnings.simplefilter("ignore")


class Program:
    """A program being generated: the shared namespace its steps run in, the
    view lineage (view name -> base name) and the steps so far."""

    def __init__(self, pid, rng):
        self.id, self.rng = pid, rng
        self.ns = {"torch": torch, "F": torch.nn.functional}
        self.base_of = {}
        self.retained = []
        self.steps = []
        self.count = 0

    def fresh(self):
        name = "v%d" % self.count
        self.count += 1
        return name

    def tensors(self, pred=lambda t: True):
        return [n for n, v in self.ns.items() if n.startswith("v") and isinstance(v, torch.Tensor) and _holds(pred, v)]

    def lists(self):
        return [n for n, v in self.ns.items() if n.startswith("v") and isinstance(v, (list, tuple)) and v]

    def pick(self, pred=lambda t: True):
        """A recent tensor satisfying pred, or None: recent ones chain steps together."""
        names = self.tensors(pred)
        if not names:
            return None
        return self.rng.choice(names[-4:] if self.rng.random() < 0.7 else names)

    def step(self, stmt, rec=(), grads=False, base=None):
        """Runs one statement and records its outcome. rec: names to record;
        grads: also record the .grad of every leaf requiring grad and of
        retained non-leaves; base: mark rec[0] as a view of base."""
        src_py, src_js = stmt
        entry = {"py": src_py, "js": src_js}
        try:
            exec(src_py, self.ns)
        except Exception as e:  # every PyTorch failure is an expectation
            entry["expect"] = record.error(e)
            self.steps.append(entry)
            return False
        watch = list(rec)
        if base is not None and rec:
            self.base_of[rec[0]] = self.base_of.get(base, base)
        for name in list(watch):
            root = self.base_of.get(name)
            if root is not None and root in self.ns and root not in watch:
                watch.append(root)
        entry["rec"] = watch
        entry["expect"] = {"out": {n: record.guarded(lambda: self.ns[n]) for n in watch}}
        if grads:
            names = self.tensors(lambda t: t.is_leaf and t.requires_grad)
            names += [n for n in self.retained if n in self.ns and n not in names]
            entry["grads"] = names
            entry["expect"]["grads"] = {n: record.guarded(lambda: self.ns[n].grad) for n in names}
        self.steps.append(entry)
        return True

    def assign(self, expr, base=None, n_out=1, no_grad=False):
        names = [self.fresh() for _ in range(n_out)]
        self.step(ir.assign(names, expr, no_grad), rec=names, base=base)
        return names


def _holds(pred, t):
    """pred(t), false when PyTorch refuses to read t (e.g. is_leaf of a view
    whose base changed in a way that forbids rebuilding its grad_fn)."""
    try:
        return pred(t)
    except RuntimeError:
        return False


def generate(pid, seed, n_steps):
    rng = random.Random(seed)
    prog = Program(pid, rng)
    prog.step(ir.run(Call("torch.manual_seed", [Lit(seed % 10000)])))
    for _ in range(rng.randint(1, 2)):
        ops.create(prog)
    while len(prog.steps) < n_steps:
        kind = rng.choices(list(kinds.KINDS), weights=[w for w, _ in kinds.KINDS.values()])[0]
        kinds.KINDS[kind][1](prog)
    return {"id": pid, "steps": prog.steps}


def generate_many(count, seed, n_steps=(4, 14), first=0):
    """Programs first..count-1 of a seed (program i runs on seed * 1_000_003 + i),
    one at a time."""
    rng = random.Random(seed)
    lengths = [rng.randint(*n_steps) for _ in range(count)]
    for i in range(first, count):
        yield generate("s%d-%d" % (seed, i), seed * 1_000_003 + i, lengths[i])

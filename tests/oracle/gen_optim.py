"""Writes tests/fixtures/optim.json: parameter trajectories of torch.optim's
optimizers and the learning rates of torch.optim.lr_scheduler's schedules,
from PyTorch 1.13 (one thread). tests/js/optim.test.js replays each case.

    /usr/bin/python3 tests/oracle/gen_optim.py

Every case trains the same two parameters, w (3x2) and b (2), with the
gradient of step k (from 0) set to G * (k + 1) - 0.3 * param for fixed G
(so the trajectories test the update rules alone, bit for bit), and records
both parameters after every step.
"""
import json
import math
import os

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "optim.json")
GW = [[0.3, -0.1], [0.25, 1.5], [-2.0, 0.001]]
GB = [0.77, -0.4]
W0 = [[0.1, -0.2], [0.3, 0.05], [-0.15, 0.25]]
B0 = [0.01, -0.02]
STEPS = 6

# (name, optimizer, options, groups): groups None = one group of [w, b];
# otherwise a list of per-group overrides for [w] and [b].
OPTIMIZERS = [
    ("sgd_momentum_nesterov", "SGD", dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01), None),
    ("adam", "Adam", dict(lr=0.05), None),
    ("adam_amsgrad_wd", "Adam", dict(lr=0.05, betas=(0.8, 0.9), weight_decay=0.1, amsgrad=True), None),
    ("adam_maximize", "Adam", dict(lr=0.01, maximize=True), None),
    ("adamw", "AdamW", dict(lr=0.05), None),
    ("adamw_amsgrad", "AdamW", dict(lr=0.05, weight_decay=0.5, amsgrad=True, eps=1e-6), None),
    ("rmsprop", "RMSprop", dict(lr=0.01), None),
    ("rmsprop_centered_momentum", "RMSprop", dict(lr=0.01, alpha=0.9, eps=1e-6, weight_decay=0.1, momentum=0.5, centered=True), None),
    ("rmsprop_momentum", "RMSprop", dict(lr=0.02, momentum=0.9), None),
    ("adagrad", "Adagrad", dict(lr=0.1), None),
    ("adagrad_decay", "Adagrad", dict(lr=0.1, lr_decay=0.05, weight_decay=0.1, initial_accumulator_value=0.5, eps=1e-8), None),
    ("adam_groups", "Adam", dict(lr=0.01), [dict(lr=0.1), dict(betas=(0.5, 0.6))]),
    ("sgd_groups", "SGD", dict(lr=0.1, momentum=0.5), [dict(), dict(lr=0.5, momentum=0)]),
]

# (name, scheduler, args, kwargs) on SGD(lr=0.1); lambdas are named in LAMBDAS.
LAMBDAS = {"inv": lambda e: 1 / (e + 1), "poly": lambda e: 0.95 ** e}
SCHEDULERS = [
    ("step", "StepLR", [3], dict(gamma=0.5)),
    ("step_default", "StepLR", [2], {}),
    ("multistep", "MultiStepLR", [[2, 5, 5, 9]], dict(gamma=0.3)),
    ("exponential", "ExponentialLR", [0.9], {}),
    ("cosine", "CosineAnnealingLR", [5], {}),
    ("cosine_eta_min", "CosineAnnealingLR", [4], dict(eta_min=0.01)),
    ("lambda_inv", "LambdaLR", ["inv"], {}),
    ("lambda_poly", "LambdaLR", ["poly"], {}),
]
SCHEDULE_STEPS = 14


def params():
    w = torch.tensor(W0, requires_grad=True)
    b = torch.tensor(B0, requires_grad=True)
    return w, b


def set_grads(w, b, k):
    w.grad = torch.tensor(GW) * (k + 1) - w.detach() * 0.3
    b.grad = torch.tensor(GB) * (k + 1) - b.detach() * 0.3


def optimizer_case(kind, options, groups):
    w, b = params()
    if groups is None:
        opt = getattr(torch.optim, kind)([w, b], **options)
    else:
        opt = getattr(torch.optim, kind)([dict(params=[w], **groups[0]), dict(params=[b], **groups[1])], **options)
    steps = []
    for k in range(STEPS):
        set_grads(w, b, k)
        opt.step()
        steps.append({"w": w.tolist(), "b": b.tolist()})
    state = opt.state_dict()
    keys = {str(i): sorted(s.keys()) for i, s in state["state"].items()}
    return {"optimizer": kind, "options": options, "groups": groups, "steps": steps, "state_keys": keys,
            "param_groups": [g["params"] for g in state["param_groups"]]}


def scheduler_case(kind, args, kwargs):
    w, b = params()
    opt = torch.optim.SGD([w, b], lr=0.1)
    call_args = [LAMBDAS[a] if isinstance(a, str) else a for a in args]
    sched = getattr(torch.optim.lr_scheduler, kind)(opt, *call_args, **kwargs)
    lrs = [sched.get_last_lr()[0]]
    for _ in range(SCHEDULE_STEPS):
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
    return {"scheduler": kind, "args": args, "options": kwargs, "lrs": lrs}


def adam_with_steplr():
    """Adam whose lr a StepLR halves every 2 steps: the parameters follow the schedule."""
    w, b = params()
    opt = torch.optim.Adam([w, b], lr=0.1)
    sched = torch.optim.lr_scheduler.StepLR(opt, 2, gamma=0.5)
    steps = []
    for k in range(STEPS):
        set_grads(w, b, k)
        opt.step()
        sched.step()
        steps.append({"w": w.tolist(), "b": b.tolist(), "lr": sched.get_last_lr()[0]})
    return steps


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    torch.set_num_threads(1)
    torch.manual_seed(0)
    out = {
        "torch": torch.__version__, "gw": GW, "gb": GB, "w0": W0, "b0": B0,
        "optimizers": {name: optimizer_case(kind, opts, groups) for name, kind, opts, groups in OPTIMIZERS},
        "schedulers": {name: scheduler_case(kind, args, kw) for name, kind, args, kw in SCHEDULERS},
        "adam_steplr": adam_with_steplr(),
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

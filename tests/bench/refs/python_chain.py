# B1 in Python, run unchanged by Python mode (Pyodide, in Node) and by CPython
# with PyTorch 1.13: 333 × y = tanh(y * mul + add) on a scalar leaf, then
# backward and dy/dx read back. The caller defines X0, MUL, ADD, LINKS,
# WARMUP_S, SAMPLE_S and ROUNDS before this text; the last line printed is
# the JSON result: the first gradient and the median µs per op.
import json
import time

import torch

torch.set_num_threads(1)


def chain():
    x = torch.tensor(X0, requires_grad=True)
    mul = torch.tensor(MUL)
    add = torch.tensor(ADD)
    y = x
    for _ in range(LINKS):
        y = torch.tanh(y * mul + add)
    y.backward()
    return x.grad.item()


def run_for(seconds):
    n = 0
    t0 = time.perf_counter()
    while True:
        chain()
        n += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= seconds and n >= 2:
            return elapsed / n


first = chain()
per_run = run_for(WARMUP_S)
reps = max(1, round(SAMPLE_S / per_run))
samples = []
for _ in range(ROUNDS):
    t0 = time.perf_counter()
    for _ in range(reps):
        chain()
    samples.append((time.perf_counter() - t0) / reps * 1e6 / (3 * LINKS))
samples.sort()
print(json.dumps({"first": first, "us_per_op": samples[len(samples) // 2], "samples": samples}))

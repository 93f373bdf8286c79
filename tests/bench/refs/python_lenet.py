# B4 in PyTorch 1.13 on one thread (/usr/bin/python3): the LeNet-5 training
# step of tests/bench/refs/lenet.mjs, written as PyTorch's users write it
# (functional forms on explicit parameters, torch.optim.SGD). Reads the
# problem (batch, weights in PyTorch's layouts) and the timing as JSON on
# stdin; the last line printed is {"first": loss of the first step,
# "ms": median ms per step, "samples": [...]}.
import json
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
spec = json.load(sys.stdin)
batch, size = spec["batch"], spec["size"]
x = torch.tensor(spec["x"], dtype=torch.float32).reshape(batch, 1, size, size)
targets = torch.tensor(spec["targets"], dtype=torch.int64)
params = [torch.tensor(values, dtype=torch.float32).reshape(shape).requires_grad_() for _, shape, values in spec["params"]]
c1w, c1b, c2w, c2b, f1w, f1b, f2w, f2b, f3w, f3b = params
sgd = torch.optim.SGD(params, lr=spec["lr"])


def step():
    sgd.zero_grad()
    h = F.max_pool2d(F.relu(F.conv2d(x, c1w, c1b)), 2)
    h = F.max_pool2d(F.relu(F.conv2d(h, c2w, c2b)), 2)
    h = h.flatten(1)
    h = F.relu(F.linear(h, f1w, f1b))
    h = F.relu(F.linear(h, f2w, f2b))
    loss = F.cross_entropy(F.linear(h, f3w, f3b), targets)
    loss.backward()
    sgd.step()
    return loss.item()


def run_for(seconds):
    n = 0
    t0 = time.perf_counter()
    while True:
        step()
        n += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= seconds and n >= 2:
            return elapsed / n


first = step()
per_run = run_for(spec["warmup_s"])
reps = max(1, round(spec["sample_s"] / per_run))
samples = []
for _ in range(spec["rounds"]):
    t0 = time.perf_counter()
    for _ in range(reps):
        step()
    samples.append((time.perf_counter() - t0) / reps * 1e3)
print(json.dumps({"first": first, "ms": sorted(samples)[len(samples) // 2], "samples": samples}))

# The "Tensors" tutorial's steps that need out=, a dtype for *_like and
# memory shared between a tensor and its .numpy() array.
import warnings

import torch

torch.manual_seed(0)
x_data = torch.tensor([[1, 2], [3, 4]])
x_rand = torch.rand_like(x_data, dtype=torch.float)
print(x_rand, x_rand.dtype)
print(torch.randn_like(torch.zeros(2, 3), dtype=torch.float64))
print(torch.zeros_like(x_data, dtype=torch.bool), torch.ones_like(torch.ones(2), dtype=torch.int64))

tensor = torch.ones(4, 4)
tensor[:, 1] = 0
y3 = torch.rand_like(tensor)
r = torch.matmul(tensor, tensor.T, out=y3)
print(r is y3, y3, y3._version)
z3 = torch.rand_like(tensor)
torch.mul(tensor, tensor, out=z3)
print(z3)
x = torch.ones(3)
torch.exp(x, out=x)
print(x)
print(torch.sum(torch.ones(2, 3), 1, out=torch.zeros(2)))
v, i = torch.zeros(2), torch.zeros(2, dtype=torch.long)
print(torch.max(torch.tensor([[1., 5.], [7., 2.]]), 1, out=(v, i)), v, i)
print(torch.pow(2, torch.tensor([1., 2.]), out=torch.zeros(2)))
o = torch.zeros(3)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.add(torch.ones(2, 2), 1, out=o)
print(o, [str(w.message)[:80] for w in caught])
o = torch.zeros(0)
torch.add(torch.ones(2), 1, out=o)
print(o)
for bad in [lambda: torch.mul(torch.ones(2, requires_grad=True), 2, out=torch.zeros(2)),
            lambda: torch.mul(torch.ones(2), 2, out=torch.zeros(2, dtype=torch.long)),
            lambda: torch.mul(torch.ones(2), 2, out=torch.zeros(2, dtype=torch.bool))]:
    try:
        bad()
    except RuntimeError as e:
        print("RuntimeError:", e)

t = torch.ones(5)
n = t.numpy()
t.add_(1)
print(f"t: {t}")
print(f"n: {n}")
back = torch.from_numpy(n)
back.mul_(3)
print(t, n, back)
print(n[1], n[1:3], n.dtype, n.shape)

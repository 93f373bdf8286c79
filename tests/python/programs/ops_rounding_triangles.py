import torch
t = torch.tensor([1.5, -2.5, -0.2], requires_grad=True)
print(t.floor(), t.ceil(), t.round(), t.trunc(), t.frac(), t.fix())
print(torch.round(t, decimals=1), t.round(decimals=0))
try:
    t.round(1)
except TypeError as e:
    print("TypeError", e)
print(torch.isnan(torch.tensor([float('nan'), 1.])), torch.isinf(torch.tensor([float('inf'), 1])), torch.isfinite(torch.tensor([3, 4])))
m = torch.arange(9.).reshape(3, 3).requires_grad_()
print(torch.tril(m, diagonal=-1), m.triu(1))
try:
    torch.ones(3).tril()
except IndexError as e:
    print("IndexError", e)
try:
    torch.tensor(1.).triu()
except IndexError as e:
    print("IndexError", e)
try:
    torch.tensor([True]).floor()
except RuntimeError as e:
    print("RuntimeError", e)
# Gradients: zero through rounding, the incoming one through frac, the triangle through tril.
x = torch.tensor([[0.3, -1.7, 2.5], [4.0, -0.5, 1.25]], requires_grad=True)
y = (x.floor() + x.frac() * 2 + x.round(decimals=1) + x.tril() * 3).sum()
y.backward()
print(x.grad)
# A causal mask, as attention code builds one.
scores = torch.arange(16.).reshape(4, 4)
mask = torch.ones(4, 4).triu(1).bool()
print(scores.masked_fill(mask, float('-inf')).softmax(-1))
print(torch.isfinite(scores.masked_fill(mask, float('-inf'))).sum())

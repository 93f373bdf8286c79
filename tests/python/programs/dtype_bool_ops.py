import torch

x = torch.tensor([1., -2., 3., 0.])
m = x > 0
print(m, m.dtype)
print(m.sum(), m.sum().dtype, m.long(), m.float())
print(x[m], x[~m])
print(m & (x < 3), m | (x == 0))
print(m.any(), m.all(), (x == x).all())
print(torch.tensor([True, False]) + torch.tensor([True, True]))
print(m.tolist(), m[0].item(), bool(m[1]))
print(torch.where(m, x, torch.zeros(4)))
print(m.long() * 3)
print(torch.ones(3, dtype=torch.bool), torch.zeros(2, 2).bool())

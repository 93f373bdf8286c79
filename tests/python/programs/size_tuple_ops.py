import torch
s = torch.zeros(4, 5).shape
a, b = s
print(a, b, s.numel(), list(s), tuple(s))
print(torch.Size([2, 3]))
print(torch.zeros(s).shape)
print(torch.ones(*s).sum())

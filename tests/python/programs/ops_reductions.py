import torch
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(x.sum(), x.mean(), x.prod())
print(x.std(), x.var())
print(x.max(), x.min())
print(x.norm())

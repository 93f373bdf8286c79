import torch
x = torch.zeros(2, 3)
print(x.shape)
print(x.size())
print(x.size(1), x.size(-1))
print(x.dim(), x.ndim, x.numel())

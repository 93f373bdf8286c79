import torch
i = torch.tensor([1, 2, 3])
f = torch.tensor([0.5, 0.5, 0.5])
print(i + f, (i * f).dtype)
print(i.float().mean(), i.sum(), i.max())
print(i == 2, (i > 1).sum())

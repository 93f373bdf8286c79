import torch
x = torch.tensor([[1.0, 5.0], [7.0, 2.0]])
values, indices = x.max(dim=1)
print(values, indices)
r = torch.max(x, 0)
print(r.values, r.indices)

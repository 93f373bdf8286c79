import torch
a = torch.tensor([1.0])
d = {a: 'a'}
print(d[a])
print(a is a.requires_grad_(False))

import torch
x = torch.tensor([[1.0, 2.0]])
print(torch.zeros_like(x), torch.ones_like(x))
print(torch.full_like(x, 5.0))

import torch
print(torch.tensor([0.0001, 0.5]))
print(torch.tensor([1e-8, 1.0]))

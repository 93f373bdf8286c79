import torch
print(torch.arange(5))
print(torch.arange(0, 1, 0.25))
print(torch.linspace(0, 1, 5))

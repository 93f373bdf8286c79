import torch
print(torch.tensor([1, 2]) + 0.5)
print(torch.tensor([1, 2]) * 2)
print(torch.tensor([1, 2]) / 2)

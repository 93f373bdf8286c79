import torch
print(torch.tensor([1.23456789]))

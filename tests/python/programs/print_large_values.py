import torch
print(torch.tensor([12345.678, 1.0]))
print(torch.tensor([1e10, 1.0]))

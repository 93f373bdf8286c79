import torch
print(torch.tensor([1.0, 2.0], dtype=torch.float64))

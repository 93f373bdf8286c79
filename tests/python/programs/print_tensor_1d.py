import torch
print(torch.tensor([1.0, 2.5, -3.0]))

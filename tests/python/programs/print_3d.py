import torch
print(torch.arange(8.0).view(2, 2, 2))

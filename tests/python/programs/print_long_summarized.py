import torch
print(torch.arange(2000.0))

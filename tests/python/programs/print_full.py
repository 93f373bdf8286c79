import torch
print(torch.full((2, 2), 7.0))
print(torch.full((2,), 3))

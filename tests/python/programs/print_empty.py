import torch
print(torch.zeros(0))
print(torch.zeros(2, 0))

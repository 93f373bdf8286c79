import torch
torch.set_printoptions(precision=2)
print(torch.tensor([1.23456, 2.5]))

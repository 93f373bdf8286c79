import torch
print(torch.tensor([1, 2, 3]))
print(torch.tensor([[1, -2], [30, 4]]))

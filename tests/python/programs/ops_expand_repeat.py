import torch
x = torch.tensor([[1], [2]])
print(x.expand(2, 3))
print(x.repeat(1, 2))

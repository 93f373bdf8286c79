import torch
x = torch.tensor([1.0, -1.0, 2.0, -2.0])
x[x < 0] = 0
print(x)

import torch
x = torch.arange(6)
print(x.split(2))
print(x.chunk(3))
print(torch.split(x, [1, 5]))

import torch
x = torch.tensor([-1.5, 2.0])
print(-x)
print(abs(x))
print(x.abs(), torch.abs(x))

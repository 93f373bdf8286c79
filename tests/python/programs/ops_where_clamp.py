import torch
x = torch.tensor([-2.0, 0.5, 3.0])
print(torch.where(x > 0, x, torch.zeros(3)))
print(x.clamp(min=0))
print(torch.clamp(x, -1, 1))

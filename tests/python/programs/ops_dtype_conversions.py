import torch
x = torch.tensor([1.7, -2.2])
print(x.long(), x.double(), x.bool())
print(x.to(torch.float64).dtype)
print(torch.tensor([1, 2]).float())

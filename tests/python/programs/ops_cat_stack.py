import torch
a = torch.tensor([[1, 2]])
b = torch.tensor([[3, 4]])
print(torch.cat([a, b]))
print(torch.cat((a, b), dim=1))
print(torch.stack([a, b]).shape)

import torch
x = torch.arange(12.0)
print(x.view(3, 4).sum(dim=1).mean().item())
print(x.reshape(2, 6)[:, 1:3].flatten().tolist())
print(x.view(-1, 2).max(dim=1).values.tolist())

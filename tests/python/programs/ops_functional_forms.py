import torch
x = torch.tensor([[1.0, -2.0], [3.0, 4.0]])
print(torch.add(x, 1), torch.mul(x, x))
print(torch.sum(x, dim=0), torch.mean(x, 1, keepdim=True))
print(torch.max(x), torch.argmin(x))
print(torch.add(x, x, alpha=2))
print(torch.pow(x, 2), torch.sub(x, 1))

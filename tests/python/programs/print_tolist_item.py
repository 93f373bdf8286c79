import torch
x = torch.tensor([[1.5, 2.0], [3.0, 4.5]])
print(x.tolist())
print(x[0, 1].item())
print(torch.tensor([1, 2]).tolist())

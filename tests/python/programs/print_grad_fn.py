import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
print(x * 2)
print(x.sum())
print(x.mean())

import torch
x = torch.tensor([1.0], requires_grad=True)
y = torch.tensor([1, 2])
print((x * 2).dtype)
y.sum().backward()

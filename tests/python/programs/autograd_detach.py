import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
z = y.detach()
print(z)
print(z.requires_grad, z.is_leaf)

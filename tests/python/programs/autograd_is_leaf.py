import torch
a = torch.tensor([1.0], requires_grad=True)
b = a * 2
c = torch.tensor([1.0])
print(a.is_leaf, b.is_leaf, c.is_leaf)
print(a.requires_grad, b.requires_grad, c.requires_grad)

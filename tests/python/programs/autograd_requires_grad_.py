import torch
x = torch.ones(2)
print(x.requires_grad)
x.requires_grad_()
print(x.requires_grad)
(x * 5).sum().backward()
print(x.grad)

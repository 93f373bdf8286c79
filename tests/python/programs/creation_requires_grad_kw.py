import torch
a = torch.zeros(2, 3, requires_grad=True)
b = torch.ones(2, requires_grad=True)
c = torch.full((2,), 2.0, requires_grad=True)
print(a.requires_grad, b.requires_grad, c.requires_grad)
print(torch.arange(3.0, requires_grad=True))

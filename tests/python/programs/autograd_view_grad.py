import torch
x = torch.arange(6.0, requires_grad=True)
y = x.view(2, 3)
(y * y).sum().backward()
print(x.grad)

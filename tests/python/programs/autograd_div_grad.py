import torch
a = torch.tensor([2.0, 4.0], requires_grad=True)
b = torch.tensor([1.0, 8.0], requires_grad=True)
(a / b).sum().backward()
print(a.grad, b.grad)

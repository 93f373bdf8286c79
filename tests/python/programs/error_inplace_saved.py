import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 1
c = b.exp()
b.add_(1)
c.sum().backward()

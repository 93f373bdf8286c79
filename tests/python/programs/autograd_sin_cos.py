import torch
x = torch.tensor([0.0, 1.0], requires_grad=True)
(torch.sin(x) * torch.cos(x)).sum().backward()
print(x.grad)

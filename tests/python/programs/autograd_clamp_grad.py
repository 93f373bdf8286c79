import torch
x = torch.tensor([-2.0, 0.5, 3.0], requires_grad=True)
x.clamp(min=-1.0, max=1.0).sum().backward()
print(x.grad)

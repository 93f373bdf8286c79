import torch
x = torch.tensor([4.0, 9.0], requires_grad=True)
x.sqrt().sum().backward()
print(x.grad)

import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y += 1
y.sum().backward()
print(y)
print(x.grad)

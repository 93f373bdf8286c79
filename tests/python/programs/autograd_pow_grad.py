import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (2 ** x).sum() + (x ** 0.5).sum()
y.backward()
print(x.grad)

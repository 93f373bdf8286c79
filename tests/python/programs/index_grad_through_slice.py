import torch
x = torch.arange(4.0, requires_grad=True)
y = x[1:3].sum() + x[0] * 2
y.backward()
print(x.grad)

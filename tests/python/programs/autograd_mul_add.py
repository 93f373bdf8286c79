import torch
x = torch.tensor(2.0, requires_grad=True)
y = torch.tensor(3.0, requires_grad=True)
z = x * y + x
z.backward()
print(x.grad, y.grad)
print(z)

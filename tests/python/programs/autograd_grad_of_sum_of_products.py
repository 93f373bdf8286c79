import torch
x = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
f = x * x * y + y * y * y
f.backward()
print(f.item())
print(x.grad.item(), y.grad.item())

import torch
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
y = a * a * b
ga, gb = torch.autograd.grad(y, [a, b])
print(ga, gb)
z = a * 2
print(torch.autograd.grad(z, [a, b], allow_unused=True))

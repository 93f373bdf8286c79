import torch

a = torch.tensor([1., 2., 3., 4.], requires_grad=True)
b = a * 1
b[1:3] *= 10
print(b)
print(b.grad_fn.name())
b.sum().backward()
print(a.grad)
c = a.clone()
c[0] += c[3]
(c * c).sum().backward()
print(a.grad)

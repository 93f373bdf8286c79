import torch

w = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
h = w * 1
h[0] += h[1]
h[:, 1] *= 3
h.t()[0] -= 1
print(h)
h.sum().backward()
print(w.grad)
z = torch.zeros(3, requires_grad=True)
with torch.no_grad():
    z += 1
    z[1:] *= 4
print(z, z.requires_grad, z.is_leaf, z.grad_fn)
y = z.clone()
y.unsqueeze(0)[0, 2] = 10.0
print(y)
(y * z).sum().backward()
print(z.grad)

import torch

x = torch.tensor([[2.0, 0.0, 3.0], [1.5, -2.0, 0.5]], requires_grad=True)
c = x.cumprod(1)
print(c, c.grad_fn.name())
print(torch.cumprod(x, dim=0, dtype=torch.float64))
print(torch.tensor([[1, 2], [3, 4]]).cumprod(0), torch.tensor([True, False]).cumprod(0).dtype)
f = torch.flip(x, [0, 1])
print(f, f.grad_fn.name(), x.flip(1), x.flip(dims=[0]))
(c * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad)
z = torch.tensor([2.0, 0.0, 3.0, 0.0], requires_grad=True)
(g,) = torch.autograd.grad(z.prod(), z, create_graph=True)
print(g, g.requires_grad)
m = torch.tensor([[0.0, 0.0, -1.0], [float("nan"), 1.0, 2.0]], requires_grad=True)
m.prod(1).sum().backward()
print(m.grad)
n = torch.tensor([-0.0, float("-inf")], requires_grad=True)
(h,) = torch.autograd.grad(n.prod(), n, create_graph=True)
print(h, h.grad_fn.name())
try:
    x.flip([0, -2])
except RuntimeError as e:
    print("RuntimeError:", e)

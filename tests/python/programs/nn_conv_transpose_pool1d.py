import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(1, 2, 3, 3, requires_grad=True)
w = torch.randn(2, 1, 3, 3, requires_grad=True)
b = torch.randn(2, requires_grad=True)
y = F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1, groups=2)
print(y.shape, y.grad_fn.name())
(y * torch.linspace(-1, 1, y.numel()).reshape(y.shape)).sum().backward()
print(w.grad[1, 0])
print(b.grad, x.grad[0, 0, 0])

s = torch.tensor([[[1.0, 5.0, 2.0, 8.0, 3.0, 7.0, 4.0]]], requires_grad=True)
m, idx = F.max_pool1d(s, 3, stride=2, padding=1, dilation=1, ceil_mode=True, return_indices=True)
print(m, idx)
print(F.max_pool1d(s, 2, dilation=2))
a = F.avg_pool1d(s, 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False)
print(a)
(m.sum() + a.sum()).backward()
print(s.grad)
print(F.avg_pool1d(s, 3, stride=2, padding=1))
print(F.max_pool2d(torch.arange(25.0).reshape(1, 1, 5, 5), 2, stride=2, padding=1, dilation=2))

d = dict(dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda i, k: F.conv_transpose2d(i, k, stride=2), (torch.randn(1, 2, 2, 2, **d), torch.randn(2, 3, 2, 2, **d))))
print(torch.autograd.gradcheck(lambda i: F.avg_pool1d(i, 2, ceil_mode=True), (torch.randn(1, 2, 5, **d),)))
print(torch.autograd.gradcheck(lambda i: F.max_pool1d(i, 2), (torch.randn(1, 2, 6, **d),)))
try:
    F.max_pool1d(s, 3, padding=2)
except RuntimeError as err:
    print("RuntimeError:", err)

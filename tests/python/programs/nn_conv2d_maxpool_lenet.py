import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 1, 8, 8, requires_grad=True)
w = torch.randn(3, 1, 3, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
y = F.conv2d(x, w, b, stride=1, padding=1)
print(y.shape, y.grad_fn.name())
p, idx = F.max_pool2d(y, 2, return_indices=True)
print(p.shape, idx.dtype, idx[0, 0])
z = F.avg_pool2d(F.relu(p), kernel_size=2, stride=2)
print(z)
z.sum().backward()
print(w.grad)
print(b.grad)
print(F.conv2d(x, w, padding="same").shape, F.conv2d(x, w, padding="valid").shape)
print(F.conv1d(torch.ones(1, 2, 5), torch.ones(1, 2, 3), dilation=2))

import torch
from torch import nn

# Every issue-15 module without parameters, forward and backward on one input.
x = torch.arange(32.0).reshape(1, 2, 4, 4).sin().requires_grad_()
for m in [nn.MaxPool2d(2), nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True), nn.AvgPool2d(2, stride=1),
          nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False), nn.AdaptiveAvgPool2d((3, 1)),
          nn.Flatten(), nn.Flatten(0, 2), nn.Identity(), nn.Softmax(dim=1), nn.LogSoftmax(dim=-1), nn.GELU(),
          nn.SiLU(), nn.Sequential(nn.Flatten(), nn.Unflatten(1, (4, 8)))]:
    x.grad = None
    y = m(x)
    (y * torch.linspace(-1, 1, y.numel()).reshape(y.shape)).sum().backward()
    print(m, tuple(y.shape), y.grad_fn.name() if y.grad_fn is not None else None)
    print(y.detach().reshape(-1)[:6], x.grad.reshape(-1)[:6])

torch.manual_seed(7)
drop = nn.Dropout(0.4)
print(drop(torch.ones(2, 5)), drop.eval()(torch.ones(2, 5)))
torch.manual_seed(8)
print(nn.Dropout2d(0.5)(torch.ones(1, 4, 1, 2)))
torch.manual_seed(9)
c = nn.Conv1d(2, 3, 3, stride=2, padding=1)
z = c(torch.ones(1, 2, 6))
z.sum().backward()
print(z, c.weight.grad[0])

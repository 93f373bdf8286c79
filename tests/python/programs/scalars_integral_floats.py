import torch
# A Python float is a float even when it is integral: 2.0 promotes an integer tensor.
x = torch.arange(3)
print(x * 2.0, x + 2.0, 2.0 - x, x / 2.0, x ** 2.0, 2.0 ** x)
print(x.mul(2.0), x.add(-0.5, alpha=2), x.sub(1.0, alpha=2), torch.add(x, 2.0), torch.mul(x, 2.0))
print(x.clamp(min=1.0), x.clamp(max=1), x % 2.0, x // 2.0, (x > 0) * 1.0, x + True)
print(x + 2**60, x * -0.0)
for f in [lambda: x.clone().add_(2.0), lambda: x.clone().mul_(2.0), lambda: x.clone().add_(-0.5, alpha=2),
          lambda: x.clone().clamp_(min=1.0), lambda: x.clone().div_(2), lambda: x.add(-1, alpha=0.5),
          lambda: x.clone().sub_(1, alpha=1.5)]:
    try:
        print(f())
    except RuntimeError as e:
        print("RuntimeError:", e)
print(x.clone().add_(2), x.clone().mul_(3), x.clone().clamp_(min=1))
w = torch.ones(2, requires_grad=True)
y = (w * 2.0 + 1.0).sum()
y.backward()
print(y, w.grad)

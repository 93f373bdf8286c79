import torch
x = torch.tensor([0.5, 2.0], requires_grad=True)
for y in [x ** 2.0, x.pow(-0.0), x ** 2, x.pow(0.5), 2.0 ** x, 2 ** x, torch.pow(x, 2.0), torch.pow(2.0, x), x ** x]:
    print(y, y.grad_fn.name())
print(torch.arange(3) ** 2.0, torch.arange(3).pow(2), torch.arange(3) ** -0.0)
print(torch.pow(2, torch.arange(3)), torch.pow(2.5, torch.arange(3)), torch.pow(2, torch.tensor([1.0, 2.0], dtype=torch.float64)))
print(torch.pow(2, torch.tensor([-1])), torch.pow(2.0, torch.arange(3)))
z = torch.tensor([0.5, 2.0], requires_grad=True)
y = torch.pow(0.0, z - 1)
y.sum().backward()
print(y, z.grad)
w = torch.tensor([1.0, 3.0], requires_grad=True)
v = torch.pow(3, w)
with torch.no_grad():
    w.mul_(2)
try:
    v.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", str(e)[:90])

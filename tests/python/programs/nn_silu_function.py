import torch
x = torch.tensor([-2.0, -0.5, 0.0, 1.5], requires_grad=True)
y = torch.nn.SiLU()(x)
print(y)
y.sum().backward()
print(x.grad)
print(torch.nn.SiLU()(x.detach().double()))
print(torch.autograd.gradcheck(torch.nn.SiLU(), (torch.randn(5, dtype=torch.float64, requires_grad=True),)))

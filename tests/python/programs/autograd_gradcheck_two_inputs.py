import torch

torch.manual_seed(0)
x = torch.randn(3, dtype=torch.float64, requires_grad=True)
w = torch.randn(3, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda a, b: (a * b).sin(), (x, w)))
print(torch.autograd.gradcheck(lambda a, b: a.pow(2).sum() * b, (x, w)))

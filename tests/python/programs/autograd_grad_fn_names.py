import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
print(x.grad_fn)
print((x * 2).grad_fn.name())
print((x + 1).grad_fn.name())
print(x.sum().grad_fn.name())
print(x.mean().grad_fn.name())
print(torch.tanh(x).grad_fn.name())
print(x.exp().grad_fn.name())

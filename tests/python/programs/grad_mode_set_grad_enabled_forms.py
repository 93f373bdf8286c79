import torch

x = torch.ones(2, requires_grad=True)
torch.set_grad_enabled(False)
print(torch.is_grad_enabled(), (x * 2).requires_grad)
torch.set_grad_enabled(True)
print(torch.is_grad_enabled(), (x * 2).requires_grad)
with torch.set_grad_enabled(False):
    y = x * 2
    with torch.set_grad_enabled(True):
        z = x * 2
print(y.requires_grad, z.requires_grad, torch.is_grad_enabled())
mode = False
with torch.set_grad_enabled(mode):
    print(torch.is_grad_enabled())
print(torch.is_grad_enabled())


@torch.set_grad_enabled(False)
def f(t):
    return t * 3, torch.is_grad_enabled()


print(f(x)[0].requires_grad, f(x)[1], torch.is_grad_enabled())

import torch
x = torch.tensor([2.0], requires_grad=True)
torch.set_grad_enabled(False)
y = x * x
torch.set_grad_enabled(True)
z = x * x
print(y.requires_grad, z.requires_grad)
with torch.set_grad_enabled(False):
    w = x * 3
print(w.requires_grad, torch.is_grad_enabled())

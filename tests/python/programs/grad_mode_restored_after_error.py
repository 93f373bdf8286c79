import torch
try:
    with torch.no_grad():
        raise KeyError("x")
except KeyError:
    pass
print(torch.is_grad_enabled())

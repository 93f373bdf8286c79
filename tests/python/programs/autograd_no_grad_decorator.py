import torch

@torch.no_grad()
def double(t):
    return t * 2

x = torch.tensor([1.0], requires_grad=True)
print(double(x).requires_grad)
print((x * 2).requires_grad)

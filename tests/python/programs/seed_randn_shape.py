import torch
torch.manual_seed(1)
x = torch.randn(4, 5)
print(x.shape, x.requires_grad)
print(bool((x.abs() < 10).all()))

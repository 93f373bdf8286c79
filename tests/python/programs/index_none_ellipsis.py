import torch
x = torch.arange(6).view(2, 3)
print(x[None].shape)
print(x[..., 1])
print(x[:, None, :].shape)

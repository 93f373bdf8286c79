import torch
x = torch.arange(24).view(2, 3, 4)
print(x[:, [0, 2]])
print(x[1, :, torch.tensor([3, 0])])
print(x[..., [1]].shape)
print(x[0, torch.tensor([True, False, True])])
print(x[torch.tensor([[0, 1], [1, 0]])].shape)
m = x > 20
print(x[m])

import torch
x = torch.zeros(2, 3, 4)
print(x.permute(2, 0, 1).shape)
print(x.flatten().shape, x.flatten(1).shape)

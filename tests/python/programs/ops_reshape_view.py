import torch
x = torch.arange(6)
print(x.view(2, 3))
print(x.reshape(3, -1))
print(x.view(2, 3).t())
print(x.view(2, 3).transpose(0, 1).shape)

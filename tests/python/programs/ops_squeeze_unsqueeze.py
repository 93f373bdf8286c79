import torch
x = torch.zeros(1, 3, 1)
print(x.squeeze().shape, x.squeeze(0).shape)
print(x.unsqueeze(0).shape, torch.zeros(3).unsqueeze(-1).shape)

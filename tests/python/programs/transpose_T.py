import torch
x = torch.arange(6.0).view(2, 3)
print(x.T)
print(x.T.shape, x.mT.shape)
print(x.t().contiguous().view(-1))

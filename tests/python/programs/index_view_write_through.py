import torch
x = torch.zeros(2, 3)
row = x[1]
row[0] = 5
x[0][2] = 7
print(x)
x[:, ::2] = 1
print(x)
print(x[None, ..., None].shape)

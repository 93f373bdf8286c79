import torch
x = torch.zeros(3, 3)
x[0] = 1
x[1, 1] = 5
x[:, 2] = torch.tensor([7.0, 8.0, 9.0])
print(x)

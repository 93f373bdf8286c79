import torch

x = torch.arange(6.).reshape(2, 3)
row = x[1]
row += 10
print(x)
x[:, 0] += 100
print(x)
x[0][1] *= -1
print(x)
col = x[:, 2]
col -= col
print(x, col._version == x._version)
v = x.view(3, 2)
v[2] /= 4
print(x)

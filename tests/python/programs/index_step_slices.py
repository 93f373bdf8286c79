import torch
x = torch.arange(10)
print(x[::3])
print(x[1:8:2])
print(x[-3:])

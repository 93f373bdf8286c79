import torch
import torch.nn.functional as F
x = torch.tensor([[1.0, 2.0]])
w = torch.tensor([[1.0, 1.0], [0.0, -1.0]])
b = torch.tensor([0.5, 0.5])
print(F.linear(x, w, b))
print(F.linear(x, w))

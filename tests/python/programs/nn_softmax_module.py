import torch
import torch.nn as nn
s = nn.Softmax(dim=1)
print(s)
print(s(torch.tensor([[1.0, 2.0, 3.0]])))

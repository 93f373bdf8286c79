import torch
import torch.nn as nn
lin = nn.Linear(2, 1)
lin(torch.ones(1, 2)).sum().backward()
print(lin.bias.grad)
lin.zero_grad()
print(lin.bias.grad)

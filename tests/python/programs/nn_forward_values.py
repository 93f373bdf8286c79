import torch
import torch.nn as nn
lin = nn.Linear(2, 1)
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[1.0, -2.0]]))
    lin.bias.fill_(0.5)
print(lin(torch.tensor([[3.0, 1.0], [0.0, 0.0]])).detach())
print(lin(torch.tensor([[3.0, 1.0]])).requires_grad)

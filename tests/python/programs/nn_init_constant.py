import torch
import torch.nn as nn
lin = nn.Linear(3, 2)
nn.init.constant_(lin.weight, 0.5)
nn.init.zeros_(lin.bias)
print(lin(torch.ones(1, 3)).detach())
print(lin.weight.requires_grad, lin.weight.is_leaf)

import torch
import torch.nn as nn
m = nn.Linear(2, 2)
m.weight = nn.Parameter(torch.ones(2, 2))
print([n for n, _ in m.named_parameters()])
print(m.weight)
try:
    m.weight = torch.ones(2, 2)
except TypeError as e:
    print(e)

import torch.nn as nn
print(nn.Linear(3, 2))
print(nn.Linear(4, 1, bias=False))

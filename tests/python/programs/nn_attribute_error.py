import torch.nn as nn
m = nn.Linear(1, 1)
print(m.weight.shape)
m.missing

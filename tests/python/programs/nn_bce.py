import torch
import torch.nn as nn
p = torch.tensor([0.9, 0.2])
y = torch.tensor([1.0, 0.0])
print(nn.BCELoss()(p, y))
print(nn.BCEWithLogitsLoss()(torch.tensor([2.0, -1.0]), y))

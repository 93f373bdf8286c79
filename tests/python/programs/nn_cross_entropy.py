import torch
import torch.nn as nn
logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
target = torch.tensor([0, 1])
print(nn.CrossEntropyLoss()(logits, target))

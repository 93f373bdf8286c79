import torch
import torch.nn as nn
x = torch.tensor([[1.0, 2.0, 3.0]])
lsm = nn.LogSoftmax(dim=1)
print(lsm)
print(nn.NLLLoss()(lsm(x), torch.tensor([2])))

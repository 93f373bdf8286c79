import torch
import torch.nn as nn
print(nn.MSELoss(reduction='sum')(torch.tensor([1.0, 2.0]), torch.tensor([0.0, 4.0])))
print(nn.MSELoss(reduction='none')(torch.tensor([1.0, 2.0]), torch.tensor([0.0, 4.0])))

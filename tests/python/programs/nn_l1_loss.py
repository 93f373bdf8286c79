import torch
import torch.nn.functional as F
print(F.l1_loss(torch.tensor([1.0, -2.0]), torch.tensor([0.0, 0.0])))

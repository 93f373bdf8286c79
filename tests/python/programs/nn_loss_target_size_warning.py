import warnings
import torch
import torch.nn.functional as F
from torch import nn

x = torch.zeros(3, 1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    F.mse_loss(x, torch.ones(3))
    F.l1_loss(x, torch.ones(2, 1, 1))
    F.smooth_l1_loss(x, torch.ones(3, 1))
    print(F.huber_loss(torch.zeros(2), torch.ones(1)))
    print(nn.MSELoss()(x, torch.ones(3)))
for w in caught:
    print(w.category.__name__, w.message)

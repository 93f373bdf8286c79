import torch
import torch.nn as nn
loss_fn = nn.MSELoss()
print(loss_fn)
print(loss_fn(torch.tensor([1.0, 2.0]), torch.tensor([0.0, 4.0])))

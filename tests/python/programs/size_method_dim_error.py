import torch
torch.ones(2).size(3)

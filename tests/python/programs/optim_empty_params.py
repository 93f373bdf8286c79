import torch
torch.optim.Adam([], lr=0.1)

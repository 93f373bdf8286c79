import torch
x = torch.ones(1)
raise ValueError("bad value: " + str(x.item()))

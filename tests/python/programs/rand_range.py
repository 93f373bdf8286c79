import torch
torch.manual_seed(3)
x = torch.rand(100)
print(bool((x >= 0).all()), bool((x < 1).all()))

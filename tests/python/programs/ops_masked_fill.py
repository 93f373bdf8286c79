import torch
x = torch.tensor([1.0, -1.0, 2.0])
print(x.masked_fill(x < 0, 0.0))

import torch
print(torch.tensor([True, False]))
print(torch.tensor([1.0, 2.0]) > 1.5)

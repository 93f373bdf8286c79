import torch
print(torch.tensor(3.5))
print(torch.tensor(7))

import torch
torch.set_printoptions(profile='short')
print(torch.tensor([1.23456, 2.34567]))

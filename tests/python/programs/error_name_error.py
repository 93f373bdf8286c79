import torch
print(torch.ones(1))
print(undefined_name)

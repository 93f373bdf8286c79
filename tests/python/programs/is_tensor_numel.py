import torch
print(torch.is_tensor(torch.ones(1)), torch.is_tensor([1]))
print(torch.numel(torch.ones(3, 4)))

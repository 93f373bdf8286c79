import torch
print(torch.Tensor([1, 2]))
print(torch.Tensor(2, 3).shape)
print(isinstance(torch.ones(1), torch.Tensor))

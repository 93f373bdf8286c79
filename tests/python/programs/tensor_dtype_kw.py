import torch
print(torch.tensor([1, 2], dtype=torch.float32))
print(torch.zeros(2, dtype=torch.int64))
print(torch.ones(2, dtype=torch.bool))

import torch
print(torch.tensor([1.0]).dtype, torch.tensor([1]).dtype, torch.tensor([True]).dtype)
print(torch.float32, torch.float64, torch.int64, torch.bool)
print(torch.float, torch.double, torch.long)

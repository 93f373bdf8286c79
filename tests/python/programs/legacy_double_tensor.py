import torch
t = torch.DoubleTensor([1.5, 2.5])
print(t.dtype)
print(t.tolist())

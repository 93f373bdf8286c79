import torch
t = torch.FloatTensor(2, 3)
print(t.shape, t.dtype, t.dim())

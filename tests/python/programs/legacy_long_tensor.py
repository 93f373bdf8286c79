import torch
t = torch.LongTensor([1, 2, 3])
print(t.dtype, t.tolist())

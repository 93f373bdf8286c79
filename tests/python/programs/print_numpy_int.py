import torch
a = torch.tensor([1, 2, 3]).numpy()
print(a)
print(a.dtype, a.tolist(), len(a))

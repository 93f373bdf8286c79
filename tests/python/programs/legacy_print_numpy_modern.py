import torch
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]]).numpy()
print(a)
print(a.ndim, a.size)
print(torch.from_numpy(a))

import torch
t = torch.FloatTensor([[1, 2], [3, 4]])
print(t.shape)
print(t.tolist())
print(t.sum().item())

import torch
a = torch.tensor([1.0, 2.0])
b = torch.tensor([3.0, 4.0])
print(torch.dot(a, b))
print(torch.outer(a, b))

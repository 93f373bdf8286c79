import torch
a = torch.tensor([1.0, 2.0, 3.0])
b = torch.tensor([3.0, 2.0, 1.0])
print(a == b)
print(a != b)
print(a < b, a <= b)
print(a > 2, a >= 2)

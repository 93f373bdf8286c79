import torch
x = torch.tensor([1.0, 2.0])
x += 1
print(x)
x *= 3
print(x)
x -= 2
print(x)
x /= 4
print(x)
